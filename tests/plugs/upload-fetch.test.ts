/**
 * `upload.fetch` is a `fetch`: it reads its arguments as the Fetch standard's `Request`
 * constructor does, settles on every way an `XMLHttpRequest` can end, and gives the Response
 * `fetch` would. A stub `XMLHttpRequest` plays the browser's part (events a real one in jsdom
 * cannot be made to fire, such as `timeout`); MSW plays a server where the wire matters.
 */
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, enhance, uploadProgress } from '../../src/lib/index.js';
import type { ActionResult } from '../../src/lib/index.js';
import { actionHandler } from '../../src/lib/testing/msw/index.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

/** A browser's `XMLHttpRequest`, driven by the test: it records what was asked and answers when told. */
class StubXHR {
	static made: StubXHR[] = [];
	method = '';
	url = '';
	headers: Record<string, string> = {};
	body: unknown = undefined;
	withCredentials = false;
	responseType = '';
	aborted = false;
	status = 0;
	statusText = '';
	responseURL = '';
	#bytes = new Uint8Array();
	#headers = '';
	upload = { onprogress: null };
	onload: (() => void) | null = null;
	onerror: (() => void) | null = null;
	onabort: (() => void) | null = null;
	ontimeout: (() => void) | null = null;
	onloadend: (() => void) | null = null;
	constructor() {
		StubXHR.made.push(this);
	}
	open(method: string, url: string) {
		[this.method, this.url] = [method, url];
	}
	setRequestHeader(name: string, value: string) {
		this.headers[name] = value;
	}
	send(body: unknown) {
		this.body = body;
	}
	abort() {
		this.aborted = true;
		this.end('abort');
	}
	getAllResponseHeaders() {
		return this.#headers;
	}
	/** As a browser gives the body: bytes for `arraybuffer`, else text decoded as UTF-8. */
	get response() {
		return this.responseType === 'arraybuffer' ? this.#bytes.buffer : this.responseText;
	}
	get responseText() {
		return new TextDecoder().decode(this.#bytes);
	}
	/** Fires `type`, then `loadend`, as a request that ends does. */
	end(type: 'load' | 'error' | 'abort' | 'timeout') {
		this[`on${type}`]?.();
		this.onloadend?.();
	}
	/** The answer arrives: `headers` as `getAllResponseHeaders()` lists them. */
	answer({ status = 200, statusText = 'OK', headers = '', body = new Uint8Array(), url = '' }) {
		[this.status, this.statusText, this.#headers, this.#bytes, this.responseURL] = [status, statusText, headers, body, url];
		this.end('load');
	}
}

const ORIGIN = location.origin;
/** The stub request `upload.fetch` made, once it made one (reading a Request's body takes a turn). */
async function made(): Promise<StubXHR> {
	await until(() => expect(StubXHR.made).toHaveLength(1));
	return StubXHR.made[0];
}
/** How `promise` has settled by now: its value, its rejection as `{ rejected }`, or `'pending'`. */
async function settled(promise: Promise<unknown>): Promise<unknown> {
	const pending = new Promise((resolve) => setImmediate(() => resolve('pending')));
	return Promise.race([promise.then(undefined, (rejected) => ({ rejected })), pending]);
}
/** The body a stub request was sent, as text (a Request's body is sent as a Blob). */
async function sentText(xhr: StubXHR): Promise<string> {
	return xhr.body instanceof Object && 'text' in xhr.body ? (xhr.body as Blob).text() : String(xhr.body);
}

describe('with a stub XMLHttpRequest', () => {
	beforeEach(() => {
		StubXHR.made = [];
		vi.stubGlobal('XMLHttpRequest', StubXHR);
	});
	afterEach(() => vi.unstubAllGlobals());

	test('a Request input is sent with its method, URL, headers, body and credentials', async () => {
		const request = new Request(`${ORIGIN}/upload?/save`, {
			method: 'PUT',
			headers: { 'x-trace': 'abc' },
			body: 'caption=Holiday',
			credentials: 'include'
		});
		void uploadProgress().fetch(request);
		const xhr = await made();
		expect([xhr.method, xhr.url, xhr.withCredentials]).toEqual(['PUT', `${ORIGIN}/upload?/save`, true]);
		expect(xhr.headers).toEqual({ 'content-type': 'text/plain;charset=UTF-8', 'x-trace': 'abc' });
		expect(await sentText(xhr)).toBe('caption=Holiday');
		// As `fetch` does, sending it uses its body up.
		expect(request.bodyUsed).toBe(true);
	});

	test('init overrides a Request input as fetch does: headers replaced whole, method, body, credentials', async () => {
		const request = new Request(`${ORIGIN}/upload`, { method: 'POST', headers: { 'x-a': '1', 'x-b': '2' }, body: 'old' });
		void uploadProgress().fetch(request, { method: 'PATCH', headers: { 'x-c': '3' }, body: 'new', credentials: 'include' });
		const xhr = await made();
		expect([xhr.method, xhr.headers, xhr.body, xhr.withCredentials]).toEqual(['PATCH', { 'x-c': '3' }, 'new', true]);
		// Not read: init's body replaced it.
		expect(request.bodyUsed).toBe(false);
	});

	test("a Request input keeps what init leaves out: its headers, body, credentials and `redirect: 'follow'`", async () => {
		const request = new Request(`${ORIGIN}/upload`, { method: 'POST', headers: { 'x-a': '1' }, body: 'kept', credentials: 'include' });
		void uploadProgress().fetch(request, { method: 'PUT' });
		const xhr = await made();
		expect([xhr.method, xhr.headers['x-a'], await sentText(xhr), xhr.withCredentials]).toEqual(['PUT', '1', 'kept', true]);
	});

	test('a stream body, in init or in a Request input, is sent whole (XMLHttpRequest cannot send a stream)', async () => {
		const stream = () =>
			new ReadableStream({
				start(controller) {
					for (const chunk of ['streamed ', 'bytes']) controller.enqueue(new TextEncoder().encode(chunk));
					controller.close();
				}
			});
		void uploadProgress().fetch(`${ORIGIN}/upload`, { method: 'POST', body: stream(), duplex: 'half' } as RequestInit);
		expect(await sentText(await made())).toBe('streamed bytes');

		StubXHR.made = [];
		void uploadProgress().fetch(new Request(`${ORIGIN}/upload`, { method: 'POST', body: stream(), duplex: 'half' } as RequestInit));
		expect(await sentText(await made())).toBe('streamed bytes');
	});

	// What `fetch` refuses with a TypeError before sending anything; Node's `Request` is the oracle.
	const refused: Array<[string, () => [RequestInfo | URL, RequestInit?]]> = [
		['a body with GET', () => [`${ORIGIN}/upload`, { body: 'x' }]],
		['a body with HEAD', () => [`${ORIGIN}/upload`, { method: 'head', body: 'x' }]],
		['a body with get, lower-case', () => [`${ORIGIN}/upload`, { method: 'get', body: 'x' }]],
		['a Request with a body, made a GET by init', () => [new Request(`${ORIGIN}/upload`, { method: 'POST', body: 'x' }), { method: 'GET' }]],
		['a Request whose body was already read', () => {
			const request = new Request(`${ORIGIN}/upload`, { method: 'POST', body: 'x' });
			void request.text();
			return [request];
		}]
	];
	for (const [name, args] of refused) {
		test(`${name} is a TypeError, as with fetch, and nothing is sent`, async () => {
			expect(() => new Request(...args())).toThrow(TypeError);
			await expect(uploadProgress().fetch(...args())).rejects.toThrow(TypeError);
			expect(StubXHR.made).toHaveLength(0);
		});
	}

	test('a Request whose body was read can still be sent with a body of init, as with fetch', async () => {
		const request = new Request(`${ORIGIN}/upload`, { method: 'POST', body: 'read' });
		await request.text();
		expect(() => new Request(request, { body: 'fresh' })).not.toThrow();
		void uploadProgress().fetch(request, { body: 'fresh' });
		expect((await made()).body).toBe('fresh');
	});

	test("a Request input's signal aborts it, with the signal's reason", async () => {
		const controller = new AbortController();
		const response = uploadProgress().fetch(new Request(`${ORIGIN}/upload`, { method: 'POST', body: 'x', signal: controller.signal }));
		const xhr = await made();
		const reason = new Error('cancelled by the user');
		controller.abort(reason);
		expect(await settled(response)).toEqual({ rejected: reason });
		expect(xhr.aborted).toBe(true);
	});

	test("init's signal replaces a Request input's", async () => {
		const [ofRequest, ofInit] = [new AbortController(), new AbortController()];
		const response = uploadProgress().fetch(new Request(`${ORIGIN}/upload`, { method: 'POST', signal: ofRequest.signal }), { signal: ofInit.signal });
		const xhr = await made();
		ofRequest.abort();
		expect([await settled(response), xhr.aborted]).toEqual(['pending', false]);
		ofInit.abort();
		expect(await settled(response)).toEqual({ rejected: ofInit.signal.reason });
		expect(xhr.aborted).toBe(true);
	});

	test('a signal already aborted rejects at once with its reason and sends nothing, in init or in a Request input', async () => {
		const reason = new Error('too late');
		const signal = AbortSignal.abort(reason);
		expect(await settled(uploadProgress().fetch(`${ORIGIN}/upload`, { method: 'POST', signal }))).toEqual({ rejected: reason });
		const request = new Request(`${ORIGIN}/upload`, { method: 'POST', body: 'x', signal });
		expect(await settled(uploadProgress().fetch(request))).toEqual({ rejected: request.signal.reason });
		expect(StubXHR.made).toHaveLength(0);
	});

	for (const event of ['error', 'timeout'] as const) {
		test(`an \`${event}\` event rejects with a TypeError, as a network failure of fetch does`, async () => {
			const response = uploadProgress().fetch(`${ORIGIN}/upload`, { method: 'POST', body: 'x' });
			(await made()).end(event);
			expect(await settled(response)).toEqual({ rejected: new TypeError('Failed to fetch') });
		});
	}

	test('an `abort` event the signal did not cause rejects with an AbortError', async () => {
		const response = uploadProgress().fetch(`${ORIGIN}/upload`, { method: 'POST', body: 'x', signal: new AbortController().signal });
		(await made()).abort();
		const outcome = (await settled(response)) as { rejected: DOMException };
		expect([outcome.rejected.constructor, outcome.rejected.name]).toEqual([DOMException, 'AbortError']);
	});

	test('a load without an HTTP status (0) is a network failure, not a response', async () => {
		const response = uploadProgress().fetch(`${ORIGIN}/upload`, { method: 'POST', body: 'x' });
		(await made()).answer({ status: 0, statusText: '' });
		expect(await settled(response)).toEqual({ rejected: new TypeError('Failed to fetch') });
	});

	test("the response has the answer's status, status text, headers and bytes, whatever its charset", async () => {
		const response = uploadProgress().fetch(`${ORIGIN}/upload`, { method: 'POST', body: 'x' });
		const bytes = new Uint8Array([0, 0xe9, 0xff, 0x80, 65]);
		(await made()).answer({
			status: 201,
			statusText: 'Created',
			headers: 'content-type: text/plain; charset=iso-8859-1\r\nx-id: 7\r\nx-id-2: a: b\r\n',
			body: bytes
		});
		const answer = await response;
		expect([answer.status, answer.statusText, answer.ok]).toEqual([201, 'Created', true]);
		expect(Object.fromEntries(answer.headers)).toEqual({ 'content-type': 'text/plain; charset=iso-8859-1', 'x-id': '7', 'x-id-2': 'a: b' });
		expect([...new Uint8Array(await answer.arrayBuffer())]).toEqual([...bytes]);
	});

	test('`url` and `redirected` say where the answer came from (its responseURL), as with fetch', async () => {
		const straight = uploadProgress().fetch('/upload#top', { method: 'POST', body: 'x' });
		(await made()).answer({ url: `${ORIGIN}/upload` });
		expect([(await straight).url, (await straight).redirected]).toEqual([`${ORIGIN}/upload`, false]);

		StubXHR.made = [];
		const moved = uploadProgress().fetch('/upload', { method: 'POST', body: 'x' });
		(await made()).answer({ url: `${ORIGIN}/login?next=%2Fupload` });
		expect([(await moved).url, (await moved).redirected]).toEqual([`${ORIGIN}/login?next=%2Fupload`, true]);

		// jsdom's real XMLHttpRequest keeps the fragment in responseURL, which browsers drop.
		StubXHR.made = [];
		const fragment = uploadProgress().fetch('/upload#top', { method: 'POST', body: 'x' });
		(await made()).answer({ url: `${ORIGIN}/upload#top` });
		expect([(await fragment).url, (await fragment).redirected]).toEqual([`${ORIGIN}/upload`, false]);
	});

	test('a form whose upload was redirected to a page is explained as a redirect, naming where it went', async () => {
		history.replaceState(null, '', '/upload');
		configure({ goto: vi.fn(), invalidateAll: vi.fn() });
		document.body.innerHTML = '<form method="POST" action="/upload"><input name="caption" value="x"><button>Send</button></form>';
		const form = document.querySelector('form')!;
		const results: ActionResult[] = [];
		const upload = uploadProgress();
		const action = enhance(form, { fetch: upload.fetch, submit: () => ({ result }) => void results.push(result) });
		form.requestSubmit();
		(await made()).answer({
			headers: 'content-type: text/html\r\n',
			body: new TextEncoder().encode('<h1>Log in</h1>'),
			url: `${ORIGIN}/login`
		});
		await until(() => expect(results).toHaveLength(1));
		const message = results[0].type === 'error' ? (results[0].error as Error).message : '';
		expect(message).toContain(`The request was redirected to ${ORIGIN}/login (a proxy or a login page?)`);
		action.destroy();
		form.remove();
		history.replaceState(null, '', '/');
	});
});

describe('with MSW', () => {
	test("a Request input reaches the mocked action: its method, headers and fields", async () => {
		const upload = actionHandler('/upload', { save: ({ formData }) => ({ caption: formData.get('caption') }) });
		server.use(upload);
		const request = new Request(`${ORIGIN}/upload?/save`, {
			method: 'POST',
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'caption=Holiday'
		});
		const response = await uploadProgress().fetch(request);
		expect(await response.json()).toMatchObject({ type: 'success', status: 200 });
		expect(upload.requests.save[0].formData.get('caption')).toBe('Holiday');
	});

	test('a network failure rejects with a TypeError, as with fetch', async () => {
		server.use(http.post('/upload', () => HttpResponse.error()));
		await expect(uploadProgress().fetch('/upload', { method: 'POST', body: 'x' })).rejects.toThrow(new TypeError('Failed to fetch'));
	});
});
