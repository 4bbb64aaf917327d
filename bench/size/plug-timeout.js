// A consumer's entry: `enhance` and the `timeout` plug, to measure what the plug adds.
export { enhance, timeout } from 'svelte-form-actions';
