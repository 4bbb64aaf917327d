/**
 * `upload.fetch` (`xhrFetch`) in Chromium against a real server, compared with the browser's own
 * `fetch` doing the same thing: what reaches the server for a `Request` input with a multipart
 * body, and the Response of a redirected POST.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { transformWithOxc } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';

/** A request as the server received it. */
interface Received {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

const received: Received[] = [];
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
	const source = readFileSync(new URL('../../src/lib/plugs/upload-progress/xhr-fetch.ts', import.meta.url), 'utf8');
	const { code: script } = await transformWithOxc(source, 'xhr-fetch.ts');
	server = createServer(async (request, response) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk);
		const url = new URL(request.url!, 'http://x');
		if (url.pathname === '/') {
			response.writeHead(200, { 'content-type': 'text/html' });
			return response.end(`<!doctype html><title>xhrFetch</title><script type="module">import { xhrFetch } from '/xhr-fetch.js'; window.xhrFetch = xhrFetch(() => {}); document.title = 'ready';</script>`);
		}
		if (url.pathname === '/xhr-fetch.js') {
			response.writeHead(200, { 'content-type': 'text/javascript' });
			return response.end(script);
		}
		received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
		if (url.pathname === '/moved') {
			// What a proxy or an auth layer does to a POST: 303 to a page, which the browser GETs.
			response.writeHead(303, { location: '/login?next=%2Fupload' });
			return response.end();
		}
		response.writeHead(201, 'Made It', { 'content-type': 'text/html; charset=utf-8', 'x-page': url.pathname });
		response.end(`<h1>${request.method} ${url.pathname}</h1>`);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	browser = await chromium.launch({ executablePath, args: chromiumArgs });
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => server?.close(resolve));
});

async function open(): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(`${origin}/`);
	await page.waitForFunction(() => document.title === 'ready');
	return page;
}

/** The fields of a multipart body as the server received it: names, file names, types, bytes. */
async function fields(request: Received) {
	const form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': request.headers['content-type']! } }).formData();
	return Promise.all(
		[...form].map(async ([name, value]) =>
			typeof value === 'string' ? [name, value] : [name, value.name, value.type, [...new Uint8Array(await value.arrayBuffer())]]
		)
	);
}

test('a Request input with a multipart body reaches the server as fetch sends it: method, URL, headers, fields and file bytes', async () => {
	const page = await open();
	received.length = 0;
	await page.evaluate(async () => {
		const send = (fetch: typeof globalThis.fetch) => {
			const body = new FormData();
			body.append('caption', 'Holiday');
			body.append('file', new File([new Uint8Array(256).map((_, i) => i)], 'photo.bin', { type: 'application/octet-stream' }));
			const request = new Request('/upload?/save', {
				method: 'POST',
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
				body
			});
			return fetch(request).then((response) => response.text());
		};
		const ours = (window as unknown as { xhrFetch: typeof fetch }).xhrFetch;
		await send(ours);
		await send(fetch);
	});
	// (The browser may ask for /favicon.ico meanwhile.)
	const [xhr, fetched] = received.filter((request) => request.method === 'POST');
	const described = async (request: Received) => ({
		method: request.method,
		url: request.url,
		accept: request.headers.accept,
		action: request.headers['x-sveltekit-action'],
		type: request.headers['content-type']?.replace(/;.*/, ''),
		fields: await fields(request)
	});
	expect(await described(xhr)).toEqual(await described(fetched));
	expect((await described(xhr)).fields).toEqual([
		['caption', 'Holiday'],
		['file', 'photo.bin', 'application/octet-stream', Array.from({ length: 256 }, (_, i) => i)]
	]);
	await page.close();
});

test('a POST redirected to a page answers as fetch does: status, status text, headers, body, url and redirected', async () => {
	const page = await open();
	const answers = await page.evaluate(async () => {
		const ours = (window as unknown as { xhrFetch: typeof fetch }).xhrFetch;
		const describe = async (response: Response) => ({
			status: response.status,
			statusText: response.statusText,
			type: response.headers.get('content-type'),
			page: response.headers.get('x-page'),
			url: response.url,
			redirected: response.redirected,
			body: await response.text()
		});
		const both = (path: string) =>
			Promise.all([ours, fetch].map((send) => send(path, { method: 'POST', body: 'x=1' }).then(describe)));
		return { moved: await both('/moved'), straight: await both('/upload#top') };
	});
	expect(answers.moved[0]).toEqual(answers.moved[1]);
	expect(answers.moved[0]).toMatchObject({ status: 201, statusText: 'Made It', url: `${origin}/login?next=%2Fupload`, redirected: true, body: '<h1>GET /login</h1>' });
	expect(answers.straight[0]).toEqual(answers.straight[1]);
	expect(answers.straight[0]).toMatchObject({ url: `${origin}/upload`, redirected: false, body: '<h1>POST /upload</h1>' });
	await page.close();
});
