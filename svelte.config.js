import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The demo and the tests import the library the way a user does, by its package name (the
		// entries that live in the test kit's folder first, as package.json's exports map them).
		alias: {
			'svelte-form-actions/msw': 'src/lib/testing/msw',
			'svelte-form-actions/vite': 'src/lib/testing/vite.ts',
			'svelte-form-actions': 'src/lib'
		}
	}
};
