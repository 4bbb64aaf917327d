import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromiumArgs as sharedArgs, executablePath } from './chromium.js';
import { freePort } from './port.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const chromiumArgs = [
	...sharedArgs,
	// Only the demo is reachable: any other host fails to resolve, so an open redirect that
	// slipped through would end on an error page instead of on the internet.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
];

/** A request as the demo server received it, byte for byte. */
export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: Buffer;
}

export interface Demo {
	/** Where the demo answers, e.g. `http://127.0.0.1:41234`. */
	origin: string;
	/** Every request the server received since the file started, oldest first. */
	requests: RecordedRequest[];
	/**
	 * Opens `path` in a fresh browser context (no cookies but `user`'s login), once the page is
	 * ready: hydrated with JavaScript, loaded without.
	 */
	open(path: string, options?: OpenOptions): Promise<Page>;
}

export interface OpenOptions {
	javaScript?: boolean;
	/** Logged in as this user (the demo's session cookie). */
	user?: string;
	viewport?: { width: number; height: number };
	/** Called with the new page before it loads, e.g. to listen to its responses. */
	watch?: (page: Page) => void;
}

/** One Chromium per test file, however many demo servers the file starts. */
let sharedBrowser: Promise<Browser> | undefined;
let browserUsers = 0;

function useBrowser(): Promise<Browser> {
	browserUsers++;
	// launch() gives the browser a fresh temporary profile and deletes it on close.
	return (sharedBrowser ??= chromium.launch({ executablePath, args: chromiumArgs }));
}

async function releaseBrowser(): Promise<void> {
	if (--browserUsers > 0 || !sharedBrowser) return;
	const browser = sharedBrowser;
	sharedBrowser = undefined;
	await (await browser).close();
}

/**
 * Starts the demo's production build (or the app built in `dir`, a fixture, run by `node`) for
 * this test file, and Chromium, and stops both after it. Each call starts its own server, from
 * the app's known state (the browser is shared). Every test gets fresh browser contexts, closed
 * after it; an uncaught error in a page fails it.
 */
export function useDemo(dir = root, node = process.execPath): Demo {
	let server: Awaited<ReturnType<typeof serve>>;
	let browser: Browser;
	let contexts: BrowserContext[] = [];
	let pageErrors: Error[] = [];

	const demo: Demo = {
		origin: '',
		requests: [],
		async open(path, { javaScript = true, user, viewport, watch } = {}) {
			const context = await browser.newContext({ javaScriptEnabled: javaScript, viewport });
			contexts.push(context);
			context.setDefaultTimeout(10_000);
			if (user) {
				// SvelteKit's `cookies` URI-encode values.
				await context.addCookies([{ name: 'user', value: encodeURIComponent(user), url: demo.origin }]);
			}
			const page = await context.newPage();
			page.on('pageerror', (error) => pageErrors.push(error));
			watch?.(page);
			await page.goto(demo.origin + path);
			if (javaScript) await page.locator('.mode[data-enhanced="true"]').waitFor();
			return page;
		}
	};

	beforeAll(async () => {
		[server, browser] = await Promise.all([serve(dir, node), useBrowser()]);
		demo.origin = server.origin;
		demo.requests = server.requests;
	});
	afterEach(async () => {
		await Promise.all(contexts.map((context) => context.close()));
		const errors = pageErrors;
		contexts = [];
		pageErrors = [];
		expect(errors, 'uncaught errors in the page').toEqual([]);
	});
	afterAll(async () => {
		await releaseBrowser();
		await server?.close();
	});
	return demo;
}

/**
 * Runs `node build` on a free port of 127.0.0.1 behind a recording proxy, which is what the
 * browser talks to: Chromium does not report multipart bodies with files to Playwright, so the
 * proxy keeps every request exactly as it reached the server.
 */
export async function serve(dir = root, node = process.execPath) {
	const requests: RecordedRequest[] = [];
	const appPort = await freePort();

	const proxy = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			requests.push({
				method: request.method!,
				url: new URL(request.url!, origin).href,
				headers: request.headers as Record<string, string>,
				body
			});
			const upstream = http.request(
				// adapter-node 6 (SvelteKit 3) has no ORIGIN: it takes the scheme from this header.
				{
					host: '127.0.0.1',
					port: appPort,
					method: request.method,
					path: request.url,
					headers: { ...request.headers, 'x-forwarded-proto': 'http' }
				},
				(answer) => {
					response.writeHead(answer.statusCode!, answer.rawHeaders);
					answer.pipe(response);
				}
			);
			upstream.on('error', () => response.destroy());
			// An aborted fetch closes the connection: stop waiting for the server too.
			response.on('close', () => upstream.destroy());
			upstream.end(body);
		});
	});
	proxy.listen(0, '127.0.0.1');
	await once(proxy, 'listening');
	const origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

	const app = spawn(node, ['build'], {
		cwd: dir,
		// ORIGIN is the proxy's: it is the origin the browser sees (and SvelteKit's CSRF check).
		// On stop, give a cancelled slow action one second, not the default thirty.
		// The upload page takes files of tens of MB: adapter-node refuses bodies over 512 KB by default.
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(appPort),
			ORIGIN: origin,
			PROTOCOL_HEADER: 'x-forwarded-proto',
			SHUTDOWN_TIMEOUT: '1',
			BODY_SIZE_LIMIT: '64M'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	app.stdout.on('data', (chunk) => (output += chunk));
	app.stderr.on('data', (chunk) => (output += chunk));
	await new Promise<void>((resolve, reject) => {
		app.stdout.on('data', () => output.includes('Listening on') && resolve());
		app.on('exit', (code) => reject(new Error(`node build exited (${code}) before listening:\n${output}`)));
	});

	return {
		origin,
		requests,
		async close() {
			proxy.closeAllConnections();
			proxy.close();
			if (app.exitCode === null) {
				app.kill();
				await once(app, 'exit');
			}
		}
	};
}

/** What a user can see of the page, in a form tests compare. */
export interface Snapshot {
	/** Path and query on the demo (or the whole URL on another origin). */
	path: string;
	/** The page's `<h1>`. */
	heading: string;
	/** Alerts, status messages and outputs in `<main>`, in document order. */
	messages: string[];
	/** The value of every named field in `<main>`. */
	fields: Record<string, string>;
	/** The focused element: `body`, or a tag with its name or text. */
	focus: string;
	/** All the text of `<main>`. */
	text: string;
}

export async function snapshot(page: Page, origin: string): Promise<Snapshot> {
	const url = new URL(page.url());
	const path = url.origin === origin ? url.pathname + url.search : url.href;
	const seen = await page.evaluate(() => {
		const main = document.querySelector('main');
		const fields: Record<string, string> = {};
		for (const field of main?.querySelectorAll<HTMLInputElement>('input[name], select[name]') ?? []) {
			fields[field.name] = field.value;
		}
		const active = document.activeElement as HTMLElement | null;
		let focus = 'body';
		if (active === document.body || !active) {
			// The body only takes focus with a temporary tabindex, which must be gone again.
			if (document.body.hasAttribute('tabindex')) focus += '[tabindex]';
		} else {
			focus = active.tagName.toLowerCase();
			const name = active.getAttribute('name');
			if (name) focus += `[name=${name}]`;
			else focus += ` "${active.textContent?.trim()}"`;
		}
		return {
			heading: document.querySelector('h1')?.textContent?.trim() ?? '',
			messages: [...(main?.querySelectorAll<HTMLElement>('[role=alert], [role=status], output') ?? [])].map(
				(element) => element.innerText.trim()
			),
			fields,
			focus,
			text: main?.innerText ?? ''
		};
	});
	return { path, ...seen };
}
