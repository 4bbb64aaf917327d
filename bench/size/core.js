// A consumer's entry: exactly the core names, imported by package name.
export { enhance, applyAction, deserialize, page, configure } from 'svelte-form-actions';
