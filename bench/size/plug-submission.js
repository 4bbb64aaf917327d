// A consumer's entry: `enhance` and the `submission` plug, to measure what the plug adds.
export { enhance, submission } from 'svelte-form-actions';
