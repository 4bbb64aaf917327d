import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { formActionsDev } from '../../src/lib/vite/dev.js';

export default defineConfig({
	root: fileURLToPath(new URL('.', import.meta.url)),
	// One command runs the whole example: the app, and its API from src/dev.ts.
	plugins: [svelte(), formActionsDev({ entry: '/src/dev.ts' })],
	resolve: { alias: { 'svelte-form-actions': fileURLToPath(new URL('../../src/lib', import.meta.url)) } }
});
