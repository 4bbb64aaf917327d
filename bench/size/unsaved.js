// A consumer's entry: the core names plus `unsaved`, to measure what the feature adds.
export { enhance, applyAction, deserialize, page, configure, unsaved } from 'svelte-form-actions';
