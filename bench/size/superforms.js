// A consumer's entry for the comparison: superForm from the client entry of sveltekit-superforms.
export { superForm } from 'sveltekit-superforms/client';
