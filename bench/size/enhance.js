// A consumer's entry with `enhance` alone: the submit core, no plug.
export { enhance } from 'svelte-form-actions';
