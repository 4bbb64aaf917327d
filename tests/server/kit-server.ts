import { sveltekit } from '@sveltejs/kit/vite';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

/**
 * Starts the demo in SvelteKit's own dev server for this test file (stopped after it), and
 * returns where it answers once the tests run: `kit.origin`.
 */
export function useKitServer() {
	const kit = { origin: '' };
	let vite: ViteDevServer;
	beforeAll(async () => {
		vite = await createServer({
			configFile: false,
			plugins: [sveltekit()],
			logLevel: 'silent',
			server: { host: '127.0.0.1', port: 0, hmr: false, watch: null }
		});
		await vite.listen();
		kit.origin = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
		// The first request compiles the app: do it here, not in the first test (a page, not an
		// action, so that nothing changes and nothing is logged).
		await (await fetch(`${kit.origin}/login`)).text();
	}, 120_000);
	afterAll(() => vite?.close());
	return kit;
}
