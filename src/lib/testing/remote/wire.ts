// The wire of SvelteKit 3's remote functions, as its server speaks it (`@sveltejs/kit` 3.2–3.4:
// `src/runtime/server/remote-functions.js`, `src/runtime/shared.js`, `src/runtime/form-utils.js`).
// The MSW handlers answer through these functions, and tests/e2e/remote-functions.e2e.ts compares
// what they encode with a real SvelteKit server's bytes, so a change of the wire fails there first.
import * as devalue from 'devalue';

/** Where every remote call goes: `/_app/remote/<hash>/<name>` (no `paths.base`, the default `appDir`). */
export const remotePrefix = '/_app/remote/';

/** An error as the client receives it: `App.Error`, with SvelteKit 3's `status`. */
export interface RemoteError {
	status: number;
	message: string;
	[key: string]: unknown;
}

/** A query's value (`v`) or error (`e`), as refreshes carry them. */
export type RemoteNode = { v: unknown } | { e: RemoteError };

/** What a reply's `data` holds once parsed: the function's output and the refreshed queries. */
export interface RemoteData {
	/** The function's own output. */
	_?: unknown;
	/** Query values by `<id>/<payload>` key. */
	q?: Record<string, RemoteNode>;
	/** A redirect (the function threw `redirect()`). */
	redirect?: string;
	/** Set when the server refreshed queries itself (no `refreshAll()` after a form). */
	r?: true;
}

/** A reply: `{ type: 'result', data }` (devalue) or `{ type: 'error', error }`, both with HTTP 200. */
export type RemoteReply = { type: 'result'; data: string } | { type: 'error'; error: RemoteError };

/** The transport's encoders (the app's `transport` hook); none by default. */
export type Encoders = Record<string, (value: any) => any>;

/** `{ type: 'result', data }`, with the data as devalue stringifies it. */
export function resultReply(data: RemoteData, encoders: Encoders = {}): RemoteReply {
	return { type: 'result', data: devalue.stringify(data, encoders) };
}

/** `{ type: 'error', error }`: an expected error's body, or SvelteKit's generic one. */
export function errorReply(error: RemoteError): RemoteReply {
	return { type: 'error', error };
}

/** The reply as SvelteKit sends it: JSON, HTTP 200, never cached. */
export function replyResponse(reply: RemoteReply): Response {
	return Response.json(reply, { headers: { 'cache-control': 'private, no-store' } });
}

/** An event of a `query.live()` stream: a new value (devalue), or how the stream ended. */
export type LiveEvent = { type: 'result'; result: string } | { type: 'redirect'; location: string } | { type: 'error'; error: RemoteError };

/** One server-sent event of a `query.live()` stream, as SvelteKit's server writes it. */
export function liveEvent(event: LiveEvent): string {
	return `data: ${JSON.stringify(event)}\n\n`;
}

/** The events of a `query.live()` stream's text (its `data:` lines, JSON). */
export function liveEvents(text: string): LiveEvent[] {
	return text
		.split('\n\n')
		.map((block) => block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n'))
		.filter(Boolean)
		.map((data) => JSON.parse(data));
}

/** `<id>/<payload>`: how a query instance is keyed in replies and refresh requests. */
export function remoteKey(id: string, payload: string): string {
	return `${id}/${payload}`;
}

/** The id and payload of a `<id>/<payload>` key (the id holds a slash itself). */
export function splitRemoteKey(key: string): { id: string; payload: string } {
	const slash = key.lastIndexOf('/');
	if (slash === -1) throw new Error(`Invalid remote key: ${key}`);
	return { id: key.slice(0, slash), payload: key.slice(slash + 1) };
}

// The names of SvelteKit's own reducers for remote arguments: the same names give the same bytes.
const sortedObject = '__skrao';
const sortedMap = '__skram';
const sortedSet = '__skras';
const regexGuard = '__skrag';
const fileArg = '__skraf';
const sortedMarker = Symbol(sortedObject);
const objectProtoNames = Object.getOwnPropertyNames(Object.prototype).sort().join('\0');

function isPlainObject(thing: unknown): thing is Record<string, unknown> {
	if (typeof thing !== 'object' || thing === null) return false;
	const proto = Object.getPrototypeOf(thing);
	return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null || Object.getOwnPropertyNames(proto).sort().join('\0') === objectProtoNames;
}

/**
 * A query's argument as its client puts it in `?payload=` (and in its cache key): devalue with
 * objects, maps and sets in sorted order, so that equal arguments give equal keys, then base64url.
 */
export function stringifyRemoteArg(value: unknown, encoders: Encoders = {}): string {
	if (value === undefined) return '';
	const clones = new Map<object, unknown>();
	const reducers: Encoders = {
		...encoders,
		[regexGuard]: (value) => {
			if (value instanceof RegExp) throw new Error('Regular expressions are not supported as remote function arguments');
		},
		[sortedMap]: (value) => {
			if (!(value instanceof Map)) return;
			const entries = [...value].map(([key, item]) => [stringify(key), stringify(item)]);
			return entries.sort(([a1, a2], [b1, b2]) => (a1 < b1 ? -1 : a1 > b1 ? 1 : a2 < b2 ? -1 : a2 > b2 ? 1 : 0));
		},
		[sortedSet]: (value) => (value instanceof Set ? [...value].map(stringify).sort() : undefined),
		[sortedObject]: (value) => {
			if (!isPlainObject(value) || Object.hasOwn(value, sortedMarker)) return;
			if (clones.has(value)) return clones.get(value);
			const clone = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
			clones.set(value, clone);
			Object.defineProperty(clone, sortedMarker, { value: true });
			for (const key of Object.keys(value).sort()) {
				Object.defineProperty(clone, key, { value: clones.get(value[key] as object) ?? value[key], enumerable: true, configurable: true, writable: true });
			}
			return clone;
		}
	};
	const stringify = (value: unknown) => devalue.stringify(value, reducers);
	return base64url(new TextEncoder().encode(stringify(value)));
}

/** A remote argument back from its payload (a query's `?payload=`, a command's `payload`). */
export function parseRemoteArg(payload: string | null | undefined, decoders: Encoders = {}): unknown {
	if (!payload) return undefined;
	const json = new TextDecoder().decode(fromBase64(payload.replaceAll('-', '+').replaceAll('_', '/')));
	const revivers: Encoders = {
		...decoders,
		[sortedObject]: (value) => value,
		[sortedMap]: (value: [string, string][]) => new Map(value.map(([key, item]) => [parse(key), parse(item)])),
		[sortedSet]: (value: string[]) => new Set(value.map(parse)),
		[fileArg]: ({ data, name, ...meta }: { data: ArrayBuffer; name: string; type: string; lastModified: number }) => new File([data], name, meta)
	};
	const parse = (json: string): unknown => devalue.parse(json, revivers);
	return parse(json);
}

/** What a `form()` submission holds: the fields (by name, without the form's suffix) and its meta. */
export interface FormSubmission {
	data: Record<string, any>;
	meta: { remote_refreshes?: string[]; validate_only?: boolean; [key: string]: unknown };
}

/**
 * A `form()` submission in SvelteKit's binary format: 1 byte of version (0), the header's length
 * (u32, little-endian), the file offset table's length (u16), the header (devalue of `[data,
 * meta]`, files as `[name, type, size, lastModified, index]`), the table (JSON offsets), the files.
 */
export function decodeBinaryForm(bytes: Uint8Array): FormSubmission {
	if (bytes.byteLength < 7) throw new Error('Could not deserialize binary form: too short');
	if (bytes[0] !== 0) throw new Error(`Could not deserialize binary form: got version ${bytes[0]}, expected version 0`);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const headerLength = view.getUint32(1, true);
	const tableLength = view.getUint16(5, true);
	const text = (start: number, length: number) => new TextDecoder().decode(bytes.subarray(start, start + length));
	const offsets: number[] = tableLength ? JSON.parse(text(7 + headerLength, tableLength)) : [];
	const filesStart = 7 + headerLength + tableLength;
	const [data, meta] = devalue.parse(text(7, headerLength), {
		File: ([name, type, size, lastModified, index]: [string, string, number, number, number]) => {
			const start = filesStart + offsets[index];
			return new File([bytes.slice(start, start + size)], name, { type, lastModified });
		}
	});
	return { data, meta };
}

/** A form issue as the client reads it (`normalize_issue` with `server: true`). */
export interface RemoteFormIssue {
	name: string;
	path: (string | number)[];
	message: string;
	server: boolean;
}

/** A Standard Schema issue (what `invalid()` and `issue.field(…)` make) as the server sends it. */
export function normalizeIssue(issue: { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> }): RemoteFormIssue {
	const normalized: RemoteFormIssue = { name: '', path: [], message: issue.message, server: true };
	for (const segment of issue.path ?? []) {
		const key = (typeof segment === 'object' ? segment.key : segment) as string | number;
		normalized.path.push(key);
		normalized.name += typeof key === 'number' ? `[${key}]` : normalized.name === '' ? key : `.${key}`;
	}
	return normalized;
}

function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_');
}

function fromBase64(encoded: string): Uint8Array {
	const binary = atob(encoded);
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
