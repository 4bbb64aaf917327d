// A consumer's entry that only decodes results: `deserialize` alone, imported by package name.
export { deserialize } from 'svelte-form-actions';
