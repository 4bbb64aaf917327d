import * as devalue from 'devalue';
import { types } from '../wire/transport.js';
import type { ActionResult } from '../types.js';

/**
 * The response a SvelteKit 2 server sends for `result`, byte for byte: the JSON body of
 * `handle_action_json_request`, `content-type: application/json`, and HTTP 200 for everything
 * but errors, which carry their own status (500 when the result has none). `data` is encoded
 * with devalue and the types registered with `setTransport` (or `configure({ transport })`).
 *
 * For a hand-made endpoint, or a one-off MSW handler:
 * ```js
 * return actionResponse({ type: 'failure', status: 422, data: { email } });
 * ```
 * `init.status` overrides the HTTP status (a SvelteKit 3 server answers failures with their own).
 * Throws when `data` cannot be serialized.
 */
export function actionResponse(result: ActionResult, init: { status?: number; headers?: HeadersInit } = {}): Response {
	const body = JSON.stringify(toWire(result));
	const headers = Object.fromEntries(new Headers(init.headers));
	const status = init.status ?? (result.type === 'error' ? (result.status ?? 500) : 200);
	return byteResponse(body, status, { ...headers, 'content-type': 'application/json' });
}

/**
 * A response with `body`'s UTF-8 bytes, their `content-length` and the `headers` given, nothing
 * else: the one way this entry answers. Bytes, not a string: a string body would get a
 * `text/plain` type that SvelteKit does not send.
 */
export function byteResponse(body: string, status: number, headers: Record<string, string> = {}): Response {
	const bytes = new TextEncoder().encode(body);
	return new Response(bytes, { status, headers: { ...headers, 'content-length': String(bytes.byteLength) } });
}

/** The body's object, keys in SvelteKit's order (the bytes must match, not just the JSON). */
function toWire(result: ActionResult) {
	const location = 'location' in result && result.type !== 'redirect' ? { location: result.location } : {};
	switch (result.type) {
		case 'success':
		case 'failure':
			// A SvelteKit 3 server (results with `location`, which it puts before `data`) sends no
			// `data` for a success without any (its 204).
			if ('location' in result && result.type === 'success' && result.status === 204) return { type: 'success', status: 204, ...location };
			// Otherwise always a `data` key: SvelteKit sends devalue's "-1" (undefined) for an action without data.
			return { type: result.type, status: result.status, ...location, data: devalue.stringify(result.data, encoders()) };
		case 'redirect':
			return { type: 'redirect', status: result.status, location: result.location };
		case 'error':
			// `JSON.stringify(new Error('x'))` is `{}`: keep the message of a real Error.
			return { type: 'error', ...location, error: result.error instanceof Error ? { message: result.error.message } : result.error };
	}
}

function encoders() {
	return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, type.encode]));
}
