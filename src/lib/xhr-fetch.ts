/** Statuses whose responses have no body: `new Response` refuses one for them, even empty. */
const NULL_BODY = [101, 103, 204, 205, 304];

/**
 * A `fetch` that sends through `XMLHttpRequest`, the one browser API that reports upload
 * progress: `onProgress(sent, total)` follows the request body going up (`total` is 0 while the
 * browser does not know it). Same method, headers, body, credentials and abort signal as the
 * `fetch` it stands for; what it cannot do is a cache mode (so `cache: 'no-store'` does not add
 * `Cache-Control: no-cache` and `Pragma: no-cache`, which `fetch` adds for it). A network failure
 * rejects with a `TypeError`, an abort with the signal's reason, as `fetch` does.
 */
export function xhrFetch(onProgress: (sent: number, total: number) => void): typeof fetch {
	return (input, init = {}) =>
		new Promise((resolve, reject) => {
			const { signal } = init;
			if (signal?.aborted) return reject(signal.reason);
			// Read at each call, not at import: MSW and other interceptors patch the global.
			const xhr = new globalThis.XMLHttpRequest();
			xhr.open(init.method ?? 'GET', typeof input === 'object' && 'url' in input ? input.url : String(input));
			new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
			xhr.withCredentials = init.credentials === 'include';
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
			xhr.onabort = () => reject(new DOMException('The request was aborted', 'AbortError'));
			xhr.onerror = () => reject(new TypeError('Failed to fetch'));
			xhr.onload = () => {
				try {
					const body = NULL_BODY.includes(xhr.status) ? null : xhr.responseText;
					resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr) }));
				} catch (error) {
					reject(new TypeError(`Unreadable response: ${(error as Error).message}`));
				}
			};
			xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
		});
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
