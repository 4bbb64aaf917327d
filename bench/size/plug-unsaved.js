// A consumer's entry: `enhance` and the `unsaved` plug, to measure what the plug adds.
export { enhance, unsaved } from 'svelte-form-actions';
