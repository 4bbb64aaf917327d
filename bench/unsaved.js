// 6. `unsaved()` in Chromium: what a keystroke costs on a large form, and restoring a draft.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { median } from './browser.js';

/**
 * Serves `bench/unsaved/entry.js` (bundled) in a page, then measures there: the median over
 * 500 `input` events from dispatch to the end of the storage write each causes, on forms of 20
 * and 200 text inputs plus a select and a checkbox group; and the median time to restore a
 * 200-field draft (attach → first render → draft put back → written once).
 * @param {import('playwright-core').Browser} browser
 * @param {string} bundlePath
 */
export async function unsavedTimes(browser, bundlePath) {
	const script = await readFile(bundlePath);
	// Cross-origin isolated, so that `performance.now()` ticks in microseconds, not 100 µs steps.
	const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
	const server = createServer((request, response) => {
		if (request.url === '/entry.js') response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(script);
		else response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html><html><head><script type="module" src="/entry.js"></script></head><body></body></html>');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.waitForFunction(() => 'bench' in window);
		if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the unsaved() bench page is not cross-origin isolated');
		/** @type {(call: string, n: number) => Promise<number[]>} */
		const run = (call, n) => page.evaluate(([call, n]) => (/** @type {any} */ (window)).bench[call](n), /** @type {const} */ ([call, n]));
		const keystroke20 = await run('keystrokes', 20);
		const keystroke200 = await run('keystrokes', 200);
		const restore200 = await run('restores', 200);
		return {
			keystroke20: median(keystroke20),
			keystroke200: median(keystroke200),
			restore200: median(restore200),
			samples: { keystroke: keystroke200.length, restore: restore200.length }
		};
	} finally {
		await context.close();
		server.close();
	}
}

// `node bench/unsaved.js`: these rows alone (the whole bench is slow), printed as JSON.
if (process.argv[1] === new URL(import.meta.url).pathname) {
	const { launchBrowser } = await import('./browser.js');
	const { bundle } = await import('./build.js');
	const outDir = new URL('./.tmp/unsaved', import.meta.url).pathname;
	await bundle({ input: new URL('./unsaved/entry.js', import.meta.url).pathname, outDir });
	const browser = await launchBrowser();
	try {
		console.log(JSON.stringify(await unsavedTimes(browser, `${outDir}/entry.js`), null, '\t'));
	} finally {
		await browser.close();
	}
}
