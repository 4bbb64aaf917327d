// A consumer's entry: `enhance` and the `focusInvalid` plug, to measure what the plug adds.
export { enhance, focusInvalid } from 'svelte-form-actions';
