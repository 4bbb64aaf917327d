import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `vite build` makes the browser's script (dist/client/client.js); `vite build --ssr src/server.ts` the
// servers' module (dist/server/server.js): the page's HTML and the API's actions.
export default defineConfig(({ isSsrBuild }) => ({
	root: fileURLToPath(new URL('.', import.meta.url)),
	// Styles inside the components' code (the boundary's), so the pages need no stylesheet link.
	plugins: [svelte({ compilerOptions: { css: 'injected' } })],
	build: isSsrBuild
		? { outDir: 'dist/server' }
		: { outDir: 'dist/client', rollupOptions: { input: 'src/client.ts', output: { entryFileNames: '[name].js' } } },
	// This repository's copy of the library; an app imports the installed package instead.
	resolve: { alias: { 'svelte-form-actions': fileURLToPath(new URL('../../src/lib', import.meta.url)) } }
}));
