import { hydrate } from 'svelte';
import { configure } from 'svelte-form-actions';
import Newsletter from './Newsletter.svelte';

const target = document.getElementById('app')!;
const api = target.dataset.api!;

configure({
	// The form's results come from the API's origin: apply them to this page all the same.
	isCurrentPage: (url) => url.origin === api,
	// Send the API's cookies with each post (the API allows credentials for this page's origin).
	fetch: (input, init) => fetch(input, { ...init, credentials: 'include' })
});
hydrate(Newsletter, { target, props: { api } });
