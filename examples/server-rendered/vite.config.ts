import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `vite build` makes the browser's script and styles (dist/client/client.js, client.css); `vite build --ssr
// src/server.ts` the server's module (dist/server/server.js), which renders the page and answers the actions.
export default defineConfig(({ isSsrBuild }) => ({
	root: fileURLToPath(new URL('.', import.meta.url)),
	plugins: [svelte()],
	build: isSsrBuild
		? { outDir: 'dist/server' }
		: {
				outDir: 'dist/client',
				rollupOptions: { input: 'src/client.ts', output: { entryFileNames: '[name].js', assetFileNames: '[name][extname]' } }
			},
	// This repository's copy of the library; an app imports the installed package instead.
	resolve: { alias: { 'svelte-form-actions': fileURLToPath(new URL('../../src/lib', import.meta.url)) } }
}));
