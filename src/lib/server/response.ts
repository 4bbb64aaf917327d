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
	const headers = new Headers(init.headers);
	headers.set('content-type', 'application/json');
	headers.set('content-length', String(new TextEncoder().encode(body).byteLength));
	const status = init.status ?? (result.type === 'error' ? (result.status ?? 500) : 200);
	return new Response(body, { status, headers });
}

/** The body's object, keys in SvelteKit's order (the bytes must match, not just the JSON). */
function toWire(result: ActionResult) {
	const location = 'location' in result && result.type !== 'redirect' ? { location: result.location } : {};
	switch (result.type) {
		case 'success':
		case 'failure':
			// Always a `data` key: SvelteKit sends devalue's "-1" (undefined) for an action without data.
			return { type: result.type, status: result.status, data: devalue.stringify(result.data, encoders()), ...location };
		case 'redirect':
			return { type: 'redirect', status: result.status, location: result.location };
		case 'error':
			// `JSON.stringify(new Error('x'))` is `{}`: keep the message of a real Error.
			return { type: 'error', error: result.error instanceof Error ? { message: result.error.message } : result.error, ...location };
	}
}

function encoders() {
	return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, type.encode]));
}
