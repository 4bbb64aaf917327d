/** Statuses whose responses have no body: `new Response` refuses one for them, even empty. */
const NULL_BODY = [204, 205, 304];

/**
 * A `fetch` that sends through `XMLHttpRequest`, the one browser API that reports upload
 * progress: `onProgress(sent, total)` follows the request body going up (`total` is 0 while the
 * browser does not know it). It reads its arguments as `fetch` does (a URL or a `Request`, whose
 * method, headers, body, credentials and signal `init` overrides) and settles as `fetch` does:
 * a network failure or a timeout rejects with a `TypeError`, an abort with the signal's reason
 * (an `AbortError`); the response has the status, headers, bytes, `url` and `redirected` of the
 * answer. What it cannot do is a cache mode (so `cache: 'no-store'` does not add
 * `Cache-Control: no-cache` and `Pragma: no-cache`, which `fetch` adds for it), `redirect` other
 * than `'follow'`, and `credentials: 'omit'` on the same origin.
 */
export function xhrFetch(onProgress: (sent: number, total: number) => void): typeof fetch {
	return async (input, init = {}) => {
		// The Fetch standard's `Request` constructor: each member of `init` replaces the input
		// Request's, `headers` as a whole. (`new Request(input, init)` itself would turn a
		// `FormData` body into a stream, which `XMLHttpRequest` cannot send.)
		const request = typeof input === 'object' && 'url' in input ? input : undefined;
		const url = request ? request.url : String(input);
		const method = init.method ?? request?.method ?? 'GET';
		// Copied entry by entry: a Headers of another implementation (jsdom's environment has two)
		// would otherwise lose all but its content-type.
		const headers = new Headers(init.headers ?? (request && [...request.headers]));
		const signal = init.signal !== undefined ? init.signal : request?.signal;
		const credentials = init.credentials ?? request?.credentials;
		const own = request?.body && init.body == null;
		if (own && request.bodyUsed) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
		if ((own || init.body != null) && /^(GET|HEAD)$/i.test(method)) throw new TypeError('Request with GET/HEAD method cannot have body.');
		if (signal?.aborted) throw signal.reason;
		// A Request's content-type (with the multipart boundary) is among `headers`. A stream is
		// read whole: `XMLHttpRequest` cannot send one.
		const stream = typeof (init.body as ReadableStream | null)?.getReader === 'function';
		const body = own ? await request.blob() : stream ? await new Response(init.body).blob() : (init.body ?? null);
		if (signal?.aborted) throw signal.reason;

		return new Promise((resolve, reject) => {
			// Read at each call, not at import: MSW and other interceptors patch the global.
			const xhr = new globalThis.XMLHttpRequest();
			xhr.open(method, url);
			headers.forEach((value, name) => xhr.setRequestHeader(name, value));
			xhr.withCredentials = credentials === 'include';
			// The bytes as they came: `responseText` would decode them by the answer's charset.
			xhr.responseType = 'arraybuffer';
			// Listening to `upload` is what makes the browser report it (and, across origins,
			// makes the request need a CORS preflight).
			xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : 0);
			// Settled at once, as `fetch` is, whether or not the request reports its abort.
			const abort = () => {
				reject(signal!.reason);
				xhr.abort();
			};
			signal?.addEventListener('abort', abort);
			xhr.onloadend = () => signal?.removeEventListener('abort', abort);
			// Aborted by someone else (the page unloading, a patched request): `fetch`'s AbortError.
			xhr.onabort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
			// `fetch` has no timeout of its own: a patched request's is a network failure to it.
			xhr.onerror = xhr.ontimeout = () => reject(new TypeError('Failed to fetch'));
			xhr.onload = () => {
				try {
					resolve(responseOf(xhr, url));
				} catch (error) {
					reject(error instanceof TypeError ? error : new TypeError(`Unreadable response: ${(error as Error).message}`));
				}
			};
			xhr.send(body as XMLHttpRequestBodyInit | null);
		});
	};
}

/** The `Response` `fetch` would have given for what `xhr` received from `url`. */
function responseOf(xhr: XMLHttpRequest, url: string): Response {
	// No HTTP answer at all (an interceptor's network error): `fetch` rejects for it.
	if (xhr.status === 0) throw new TypeError('Failed to fetch');
	const body = NULL_BODY.includes(xhr.status) ? null : (xhr.response as ArrayBuffer | null);
	const response = new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr) });
	// A Response made here has url "" and redirected false: `fetch` sets both from where the
	// answer came from, which `responseURL` is (without a fragment; jsdom's keeps it).
	const requested = withoutHash(url);
	const final = xhr.responseURL ? withoutHash(xhr.responseURL) : requested;
	return Object.defineProperties(response, { url: { value: final }, redirected: { value: final !== requested } });
}

function withoutHash(url: string): string {
	const absolute = new URL(url, document.baseURI);
	absolute.hash = '';
	return absolute.href;
}

/** The response headers, from the `name: value` lines `getAllResponseHeaders()` gives. */
function headersOf(xhr: XMLHttpRequest): Headers {
	const headers = new Headers();
	for (const line of xhr.getAllResponseHeaders().split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
	}
	return headers;
}
