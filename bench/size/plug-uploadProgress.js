// A consumer's entry: `enhance` and the `uploadProgress` plug, to measure what the plug adds.
export { enhance, uploadProgress } from 'svelte-form-actions';
