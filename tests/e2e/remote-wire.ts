import type { Page, Request } from 'playwright-core';

/**
 * One exchange of the page with SvelteKit's remote functions endpoint (`/_app/remote/…`), as the
 * browser sent and received it: what a mock of that endpoint must read and answer, byte for byte.
 */
export interface Exchange {
	/** The scenario it belongs to (given to `recordRemote`). */
	scenario: string;
	method: string;
	/** Path and query, e.g. `/_app/remote/1x2y3z/getPost?payload=…`. */
	url: string;
	/** Only `content-type` and the `x-sveltekit-*` headers, names lower-cased. */
	requestHeaders: Record<string, string>;
	/** The request's body, base64 (`''` without one). */
	requestBody: string;
	status: number;
	/** Only `content-type`. */
	responseHeaders: Record<string, string>;
	/** The response's body as text. */
	responseBody: string;
}

export interface RemoteRecorder {
	/** The exchanges answered so far, in the order the page sent them. */
	exchanges(): Exchange[];
	/** Resolves once every exchange sent so far is answered and recorded. */
	settled(): Promise<void>;
}

/** Body bytes the page handed to `fetch`, per `METHOD url`, oldest first. */
type Bodies = Map<string, string[]>;

const binding = '__recordRemoteBody';
const streamBinding = '__recordRemoteStream';

/**
 * Records every exchange of `page` with `/_app/remote/`. Call it before the page's first `goto`.
 *
 * Headers, status and the response come from Playwright's network events. The request body too,
 * unless Chromium does not report it (a `Blob` body with a `File` in it, as a `form()` with an
 * `<input type="file">` sends): then it is the bytes the page handed to `fetch`, read by a wrapper
 * around `window.fetch` installed before the app's scripts run, which hands them over before
 * calling the real `fetch` (so they are there before the request is). A `query.live()` event
 * stream's text is read in the page too, from a copy of the response, as Chromium keeps none.
 */
export function recordRemote(page: Page, scenario = ''): RemoteRecorder {
	const pending: Promise<Exchange | undefined>[] = [];
	const done: (Exchange | undefined)[] = [];
	const bodies: Bodies = new Map();
	/** Event streams' texts, and who waits for them, by URL. */
	const streams = new Map<string, string[]>();
	const streamed = new Map<string, Array<() => void>>();

	void page.exposeBinding(binding, (_source, method: string, url: string, base64: string) => {
		const key = `${method} ${new URL(url, page.url()).href}`;
		bodies.set(key, [...(bodies.get(key) ?? []), base64]);
	});
	// A `query.live()` stream's text, read in the page: Chromium keeps no body of an event stream.
	void page.exposeBinding(streamBinding, (_source, url: string, text: string) => {
		const key = new URL(url, page.url()).href;
		streams.set(key, [...(streams.get(key) ?? []), text]);
		streamed.get(key)?.shift()?.();
	});
	void page.addInitScript(([name, streamName]: string[]) => {
		const original = window.fetch;
		const base64 = (blob: Blob) =>
			new Promise<string>((resolve, reject) => {
				const reader = new FileReader();
				reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
				reader.onerror = () => reject(reader.error);
				reader.readAsDataURL(blob);
			});
		window.fetch = async function (input: RequestInfo | URL, init?: RequestInit) {
			const url = input instanceof Request ? input.url : String(input);
			const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
			if (url.includes('/_app/remote/') && init?.body != null) {
				const body = init.body;
				const blob = body instanceof Blob ? body : typeof body === 'string' ? new Blob([body]) : body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? new Blob([body as BlobPart]) : undefined;
				if (blob) await (window as any)[name](method, url, await base64(blob));
			}
			const response = await original.call(window, input, init);
			if (url.includes('/_app/remote/') && response.headers.get('content-type')?.startsWith('text/event-stream')) {
				void response
					.clone()
					.text()
					.then((text) => (window as any)[streamName](response.url, text));
			}
			return response;
		} as typeof fetch;
	}, [binding, streamBinding]);

	page.on('request', (request) => {
		if (!new URL(request.url()).pathname.includes('/_app/remote/')) return;
		const index = pending.length;
		pending.push(
			record(request).then((exchange) => {
				done[index] = exchange;
				return exchange;
			})
		);
	});

	async function record(request: Request): Promise<Exchange | undefined> {
		const response = await request.response();
		if (!response) return undefined; // failed or aborted: nothing came back
		const url = new URL(request.url());
		const requestHeaders = pick(await request.allHeaders(), (name) => name === 'content-type' || name.startsWith('x-sveltekit-'));
		let body = request.postDataBuffer();
		const queued = bodies.get(`${request.method()} ${url.href}`);
		const fromPage = queued?.shift();
		if (!body && fromPage !== undefined) body = Buffer.from(fromPage, 'base64');
		const responseHeaders = pick(await response.allHeaders(), (name) => name === 'content-type');
		return {
			scenario,
			method: request.method(),
			url: url.pathname + url.search,
			requestHeaders,
			requestBody: body ? body.toString('base64') : '',
			status: response.status(),
			responseHeaders,
			responseBody: responseHeaders['content-type']?.startsWith('text/event-stream') ? await streamText(url.href) : await response.text()
		};
	}

	/** The text of the event stream at `url`, once the page has read it to its end. */
	async function streamText(url: string): Promise<string> {
		if (!streams.get(url)?.length) await new Promise<void>((resolve) => streamed.set(url, [...(streamed.get(url) ?? []), resolve]));
		return streams.get(url)!.shift()!;
	}

	return {
		exchanges: () => done.filter((exchange): exchange is Exchange => exchange !== undefined),
		async settled() {
			let count;
			do {
				count = pending.length;
				await Promise.all(pending);
			} while (count !== pending.length);
		}
	};
}

function pick(headers: Record<string, string>, keep: (name: string) => boolean): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers)
			.map(([name, value]) => [name.toLowerCase(), value] as const)
			.filter(([name]) => keep(name))
			.sort(([a], [b]) => a.localeCompare(b))
	);
}
