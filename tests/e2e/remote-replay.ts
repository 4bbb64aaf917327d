import * as devalue from 'devalue';
import * as kit from '@sveltejs/kit';
import { getResponse, type HttpHandler } from 'msw';
import { error, redirect } from '../../src/lib/server/index.js';
import { commandHandler, formHandler, queryBatchHandler, queryHandler, queryLiveHandler } from '../../src/lib/testing/msw/remote-functions.js';
import { registerRemote, type RemoteKind } from '../../src/lib/testing/remote/functions.js';
import { app } from '../../src/lib/testing/remote/transport.js';
import { decodeBinaryForm, liveEvents, parseRemoteArg, splitRemoteKey, type RemoteData, type RemoteError, type RemoteFormIssue } from '../../src/lib/testing/remote/wire.js';
import type { Exchange } from './remote-wire.js';

/**
 * One exchange a real SvelteKit server had with the browser, played again through the test kit's
 * MSW handler for the same function: the handler answers what the real function answered (its
 * value, its refreshes, its issues, its redirect or its error, read from the real reply), so the
 * bytes it sends must be the real ones. `calls` is what the handler decoded from the request. The
 * app's custom types go through its `transport` hook, given to the kit with `useTransport`.
 */
export async function replay(exchange: Exchange): Promise<{ status: number; body: string; calls: unknown[] }> {
	const id = /^\/_app\/remote\/([^/?]+\/[^/?]+)/.exec(exchange.url)![1];
	const body = Buffer.from(exchange.requestBody, 'base64');
	const kind = exchange.responseHeaders['content-type']?.startsWith('text/event-stream') ? 'query.live' : exchange.method === 'GET' ? 'query' : exchange.requestHeaders['content-type'] === 'application/json' ? ('payloads' in JSON.parse(body.toString()) ? 'query.batch' : 'command') : 'form';
	if (kind === 'query.live') return replayLive(id, exchange);
	const reply = JSON.parse(exchange.responseBody) as { type: 'result'; data: string } | { type: 'error'; error: RemoteError };
	const data: RemoteData = reply.type === 'result' ? devalue.parse(reply.data, app.decoders) : {};
	/** What the real function did: the test kit's handlers are written the same way. */
	const answer = <T>(value: () => T) => (): T => {
		if (reply.type === 'error') error(reply.error.status, reply.error.message);
		if (data.redirect) redirect(303, data.redirect);
		return value();
	};
	let handler: HttpHandler & { calls: unknown[] };
	if (kind === 'query') handler = queryHandler(remote(id, kind), answer(() => data._));
	else if (kind === 'query.batch') handler = queryBatchHandler(remote(id, kind), answer(() => (_arg: unknown, index: number) => (data._ as { data: unknown }[])[index].data));
	else if (kind === 'command') {
		handler = commandHandler(remote(id, kind), (_arg, { refresh }) => {
			refreshAsReplied(data, refresh);
			return answer(() => data._)();
		});
	} else if (decodeBinaryForm(body).meta.validate_only) {
		// `.validate()`: the schema's issues alone, the form's function never run.
		const issues = data._ as RemoteFormIssue[];
		handler = formHandler(remote(id, kind), () => {
			throw new Error('The form ran on a validation request');
		}, { validate: () => void (issues.length && kit.invalid(...issues.map(({ message, path }) => ({ message, path })))) });
	} else {
		handler = formHandler(remote(id, kind), (_data, _issue, { refresh }) => {
			refreshAsReplied(data, refresh);
			const output = data._ as { issues?: RemoteFormIssue[]; result?: unknown } | undefined;
			if (output?.issues) kit.invalid(...output.issues.map(({ message, path }) => ({ message, path })));
			return answer(() => output?.result)() as never;
		});
	}
	const request = new Request(new URL(exchange.url, location.href), { method: exchange.method, headers: exchange.requestHeaders, body: exchange.method === 'GET' ? undefined : body });
	const response = await getResponse([handler], request);
	if (!response) throw new Error(`No handler answered ${exchange.method} ${exchange.url}`);
	return { status: response.status, body: await response.text(), calls: handler.calls };
}

/** A `query.live()` stream: the handler yields the values the real one sent, and ends as it did. */
async function replayLive(id: string, exchange: Exchange): Promise<{ status: number; body: string; calls: unknown[] }> {
	const events = liveEvents(exchange.responseBody);
	const handler = queryLiveHandler(remote(id, 'query.live'), async function* () {
		for (const event of events) {
			if (event.type === 'result') yield devalue.parse(event.result, app.decoders);
			else if (event.type === 'redirect') redirect(303, event.location);
			else error(event.error.status, event.error.message);
		}
	});
	const response = await getResponse([handler], new Request(new URL(exchange.url, location.href), { headers: { accept: 'text/event-stream' } }));
	if (!response) throw new Error(`No handler answered GET ${exchange.url}`);
	return { status: response.status, body: await response.text(), calls: handler.calls };
}

/** The queries the real function refreshed, refreshed again in the same order. */
function refreshAsReplied(data: RemoteData, refresh: (query: () => void, ...value: [unknown] | [unknown, unknown]) => void): void {
	for (const [key, node] of Object.entries(data.q ?? {})) {
		const { id, payload } = splitRemoteKey(key);
		const value = 'v' in node ? node.v : undefined;
		if (payload) refresh(remote(id, 'query'), parseRemoteArg(payload), value);
		else refresh(remote(id, 'query'), value);
	}
}

const functions = new Map<string, () => void>();

/** A remote function of `id`, registered as the stub modules register them. */
function remote(id: string, kind: RemoteKind): () => void {
	const key = `${kind} ${id}`;
	if (!functions.has(key)) functions.set(key, registerRemote(() => {}, { id, kind, label: id }));
	return functions.get(key)!;
}

/** A value of an app's custom type, as its `transport` hook encoded it on the server. */
class Sent {
	constructor(
		readonly type: string,
		readonly encoded: unknown
	) {}
}

/**
 * A `transport` hook for the custom types `names`: each value decoded as it was encoded, and encoded
 * back the same, so a reply the kit encodes again is comparable with the server's byte for byte.
 */
export function keptAsSent(names: string[]): Record<string, { encode(value: unknown): unknown; decode(encoded: unknown): unknown }> {
	return Object.fromEntries(names.map((type) => [type, { encode: (value: unknown) => value instanceof Sent && value.type === type && value.encoded, decode: (encoded: unknown) => new Sent(type, encoded) }]));
}
