// The Chromium measurements: click-to-visible on the demo's production server, and memory.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { chromiumArgs as ARGS, executablePath as CHROMIUM } from '../tests/e2e/chromium.js';
import { root } from './build.js';

/** Median of a list of numbers. @param {number[]} values */
export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The 25th and 75th percentiles, for the spread. @param {number[]} values */
const quartiles = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return [sorted[Math.floor(sorted.length / 4)], sorted[Math.floor((sorted.length * 3) / 4)]];
};

/** Playwright's `launch` gives every run a fresh temporary profile (user-data-dir). */
export async function launchBrowser() {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
	}
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A port nobody listens on right now. */
async function freePort() {
	const server = createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * Starts the demo's production build (`build/`, from `vite build`) with `node build`.
 * @returns {Promise<{ origin: string, stop: () => void }>}
 */
export async function startApp() {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	// Kept for a failure report only: the server logs every 404 (favicon.ico) there.
	let log = '';
	child.stderr.on('data', (chunk) => (log += chunk));
	const stop = () => child.kill();
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) throw new Error(`node build exited with ${child.exitCode}:\n${log}`);
		try {
			if ((await fetch(`${origin}/bench/ours`)).ok) return { origin, stop };
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	stop();
	throw new Error(`node build did not answer on ${origin}`);
}

// ---------------------------------------------------------------------------------------------
// 3. Click to visible result.
// ---------------------------------------------------------------------------------------------

/**
 * Runs in the page before its scripts: records the last pointerdown, in the page's clock, and
 * the time spent in `fetch` since then (call → body read), so the network and server part of a
 * submission can be told from the client's.
 * @type {() => void}
 */
const instrument = () => {
	const win = /** @type {any} */ (window);
	addEventListener('pointerdown', () => ((win.__down = performance.now()), (win.__network = 0)), true);
	const fetch = window.fetch;
	window.fetch = async function (...args) {
		const start = performance.now();
		const response = await fetch.apply(this, args);
		const text = response.text.bind(response);
		response.text = async () => {
			const body = await text();
			win.__network += performance.now() - start;
			return body;
		};
		return response;
	};
};

/**
 * Click → result text on screen, interleaved: each of `rounds` rounds runs our `enhance`
 * (/bench/ours) and SvelteKit's (/bench/kit) `jsPerRound` times each, and a native POST with
 * JavaScript off once (/bench/ours without scripts, which SvelteKit renders the same).
 *
 * Two clocks: "page" is pointerdown → the MutationObserver that sees the text, both in the page
 * (JavaScript variants only); "driver" is the test driver's clock from just before the mouse
 * click is sent to when the page says it is done (a binding for the JavaScript variants, the
 * `load` event of the result page for the native POST), the one clock all three share.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 */
export async function clickToVisible(browser, origin, { rounds = 30, jsPerRound = 3, warmup = 3 } = {}) {
	/** @type {Record<string, (token: string) => Promise<{ page?: number, client?: number, driver: number }>>} */
	const variants = {};

	for (const name of ['ours', 'kit']) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(instrument);
		/** @type {(at: number) => void} */
		let visible = () => {};
		await page.exposeBinding('__visible', () => visible(performance.now()));
		await page.goto(`${origin}/bench/${name}`);
		await page.waitForSelector('form[data-hydrated="true"]');
		const box = await page.locator('button').boundingBox();
		if (!box) throw new Error(`/bench/${name}: no button`);

		variants[name] = async (token) => {
			await page.evaluate((token) => {
				const input = /** @type {HTMLInputElement} */ (document.querySelector('input'));
				const output = /** @type {HTMLOutputElement} */ (document.querySelector('output'));
				input.value = token;
				const win = /** @type {any} */ (window);
				win.__run = new Promise((resolve) => {
					const observer = new MutationObserver(() => {
						if (output.textContent !== token) return;
						const at = performance.now();
						observer.disconnect();
						win.__visible();
						resolve({ total: at - win.__down, network: win.__network });
					});
					observer.observe(output, { childList: true, characterData: true, subtree: true });
				});
			}, token);
			const shown = new Promise((resolve) => (visible = resolve));
			const start = performance.now();
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			const driver = /** @type {number} */ (await shown) - start;
			const { total, network } = await page.evaluate(() => (/** @type {any} */ (window)).__run);
			return { page: total, client: total - network, driver };
		};
	}

	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	variants.native = async (token) => {
		await page.goto(`${origin}/bench/ours`);
		await page.fill('input', token);
		const box = await page.locator('button').boundingBox();
		if (!box) throw new Error('/bench/ours: no button');
		const loaded = page.waitForEvent('load');
		const start = performance.now();
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await loaded;
		const driver = performance.now() - start;
		const text = await page.textContent('output');
		if (text !== token) throw new Error(`native POST showed ${JSON.stringify(text)}, not ${token}`);
		return { driver };
	};

	const names = Object.keys(variants);
	/** @type {Record<string, { page: number[], client: number[], driver: number[] }>} */
	const times = Object.fromEntries(names.map((name) => [name, { page: [], client: [], driver: [] }]));
	let run = 0;
	for (let round = -warmup; round < rounds; round++) {
		// `jsPerRound` pairs of ours and SvelteKit's (alternating which goes first), with the
		// native POST slotted in at a place that moves every round.
		/** @type {string[]} */
		const sequence = [];
		for (let k = 0; k < jsPerRound; k++) sequence.push(...((k + round) % 2 ? ['kit', 'ours'] : ['ours', 'kit']));
		sequence.splice((round + warmup) % (sequence.length + 1), 0, 'native');
		for (const name of sequence) {
			const time = await variants[name](`${name}-${run++}`);
			if (round < 0) continue;
			if (time.page !== undefined) times[name].page.push(time.page);
			if (time.client !== undefined) times[name].client.push(time.client);
			times[name].driver.push(time.driver);
		}
	}
	await Promise.all(browser.contexts().map((context) => context.close()));

	const { ours, kit } = times;
	return {
		// Runs of ours and SvelteKit's come in adjacent pairs: compare each pair, then take the median.
		pairedRatio: median(ours.page.map((value, i) => value / kit.page[i])),
		clientPairedRatio: median(ours.client.map((value, i) => value / kit.client[i])),
		...summarize(names, times)
	};
}

/**
 * @param {string[]} names
 * @param {Record<string, { page: number[], client: number[], driver: number[] }>} times
 */
function summarize(names, times) {
	return Object.fromEntries(
		names.map((name) => [
			name,
			{
				page: times[name].page.length ? median(times[name].page) : null,
				client: times[name].client.length ? median(times[name].client) : null,
				driver: median(times[name].driver),
				pageQuartiles: times[name].page.length ? quartiles(times[name].page) : null,
				driverQuartiles: quartiles(times[name].driver),
				samples: times[name].driver.length
			}
		])
	);
}

// ---------------------------------------------------------------------------------------------
// 4. Memory.
// ---------------------------------------------------------------------------------------------

/**
 * Counts event listeners that are registered and not removed, on every target, by wrapping
 * `EventTarget.prototype.addEventListener`/`removeEventListener` before any page script runs.
 * (Listeners added with `once` or `signal` would be removed without a call: the library adds none.)
 */
const countListeners = () => {
	const proto = EventTarget.prototype;
	const { addEventListener: add, removeEventListener: remove } = proto;
	/** @type {WeakMap<EventTarget, Set<string>>} */
	const registered = new WeakMap();
	/** @type {WeakMap<Function | object, number>} */
	const ids = new WeakMap();
	let nextId = 0;
	const counter = { live: 0 };
	/** @param {string} type @param {any} listener @param {any} options */
	const key = (type, listener, options) => {
		if (!ids.has(listener)) ids.set(listener, nextId++);
		const capture = typeof options === 'boolean' ? options : !!options?.capture;
		return `${type} ${ids.get(listener)} ${capture}`;
	};
	proto.addEventListener = function (type, listener, options) {
		if (listener) {
			let keys = registered.get(this);
			if (!keys) registered.set(this, (keys = new Set()));
			const k = key(type, listener, options);
			if (!keys.has(k)) (keys.add(k), counter.live++);
		}
		return add.call(this, type, listener, options);
	};
	proto.removeEventListener = function (type, listener, options) {
		if (listener && registered.get(this)?.delete(key(type, listener, options))) counter.live--;
		return remove.call(this, type, listener, options);
	};
	Object.assign(window, { __listeners: counter });
};

/**
 * Mounts, submits and unmounts `forms` enhanced forms in one page (a Svelte component with
 * `use:enhance`; see `bench/memory/entry.js`), then compares the V8 heap after a full GC, and
 * the listeners still registered, with the same page after a warm-up.
 * @param {import('playwright-core').Browser} browser
 * @param {string} bundlePath `bench/memory/entry.js`, bundled
 */
export async function memory(browser, bundlePath, { forms = 10_000, warmup = 200 } = {}) {
	const script = await readFile(bundlePath);
	const server = createServer((request, response) => {
		if (request.url === '/entry.js') {
			response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
		} else {
			const html = '<!doctype html><html><head><script type="module" src="/entry.js"></script></head><body><div id="app"></div></body></html>';
			response.writeHead(200, { 'content-type': 'text/html' }).end(html);
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(countListeners);
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.waitForFunction(() => 'bench' in window);
	const cdp = await context.newCDPSession(page);

	/** Full GC (V8 and Blink's heap), then the numbers. */
	const measure = async () => {
		for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
		const { usedSize } = await cdp.send('Runtime.getHeapUsage');
		const dom = await cdp.send('Memory.getDOMCounters');
		const listeners = await page.evaluate(() => (/** @type {any} */ (window)).__listeners.live);
		const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'HTMLFormElement.prototype', objectGroup: 'bench' });
		const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: /** @type {string} */ (proto.objectId), objectGroup: 'bench' });
		const { result: count } = await cdp.send('Runtime.callFunctionOn', {
			objectId: /** @type {string} */ (objects.objectId),
			functionDeclaration: 'function () { return this.length; }',
			returnByValue: true
		});
		await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
		return { heap: usedSize, listeners, forms: /** @type {number} */ (count.value), jsEventListeners: dom.jsEventListeners, nodes: dom.nodes };
	};

	/** @param {number} count @returns {Promise<{ mounted: number, served: number }>} */
	const runForms = (count) => page.evaluate((count) => (/** @type {any} */ (window)).bench.run(count), count);
	await runForms(warmup);
	const before = await measure();
	const start = performance.now();
	const { mounted, served } = await runForms(forms);
	const seconds = (performance.now() - start) / 1000;
	const after = await measure();

	await context.close();
	server.close();
	if (mounted !== 0) throw new Error(`${mounted} forms still mounted`);
	if (served !== warmup + forms) throw new Error(`expected ${warmup + forms} submissions, ${served} were sent`);
	return {
		forms,
		warmup,
		seconds,
		heapGrowth: after.heap - before.heap,
		listenersLeft: after.listeners - before.listeners,
		formsAlive: after.forms - before.forms,
		domListenersLeft: after.jsEventListeners - before.jsEventListeners,
		before,
		after
	};
}
