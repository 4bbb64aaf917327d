// A consumer's entry: `enhance` and the `repeat` plug, to measure what the plug adds.
export { enhance, repeat } from 'svelte-form-actions';
