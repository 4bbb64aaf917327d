// A consumer's entry: the core names plus `uploadProgress`, to measure what the feature adds.
export { enhance, applyAction, deserialize, page, configure, uploadProgress } from 'svelte-form-actions';
