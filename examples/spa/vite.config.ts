import { svelte } from '@sveltejs/vite-plugin-svelte';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Serves the example's API from the dev server, so one command runs the whole example. */
function api() {
	return {
		name: 'example-api',
		async configureServer(server: import('vite').ViteDevServer) {
			// Loaded through Vite, so `svelte-form-actions/server` resolves as the app's imports do.
			const { createApi } = (await server.ssrLoadModule('/src/api.ts')) as typeof import('./src/api.js');
			const handle = createApi();
			server.middlewares.use(async (req, res, next) => {
				const body = req.method === 'GET' ? undefined : (Readable.toWeb(req) as ReadableStream);
				const request = new Request(`http://${req.headers.host}${req.url}`, {
					method: req.method,
					headers: req.headers as Record<string, string>,
					body,
					duplex: 'half'
				} as RequestInit);
				const response = await handle(request);
				if (!response) return next();
				res.writeHead(response.status, Object.fromEntries(response.headers));
				res.end(Buffer.from(await response.arrayBuffer()));
			});
		}
	};
}

export default defineConfig({
	root: fileURLToPath(new URL('.', import.meta.url)),
	plugins: [svelte(), api()],
	resolve: { alias: { 'svelte-form-actions': fileURLToPath(new URL('../../src/lib', import.meta.url)) } }
});
