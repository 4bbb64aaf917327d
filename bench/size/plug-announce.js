// A consumer's entry: `enhance` and the `announce` plug, to measure what the plug adds.
export { enhance, announce } from 'svelte-form-actions';
