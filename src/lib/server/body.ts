import type { ActionEvent } from './event.js';
import { byteResponse } from './response.js';

/** A body over the limit: answered 413, and no action runs. */
export class TooLarge {
	constructor(readonly message: string) {}

	/** The 413: text, or `{ message }` as JSON for `enhance`, which then shows the words. */
	response(asJSON: boolean): Response {
		if (asJSON) return byteResponse(JSON.stringify({ message: this.message }), 413, { 'content-type': 'application/json' });
		return byteResponse(this.message, 413, { 'content-type': 'text/plain; charset=utf-8' });
	}
}

type Broken = { error: unknown };

/**
 * The action's event, with the body read once: `formData` parsed from the bytes, and `request` a
 * copy carrying the same bytes (made on first use), so that an action may still read it itself,
 * as a SvelteKit action does. Or `TooLarge`, with no action run.
 */
export async function readEvent<Params>(
	event: Omit<ActionEvent<Params>, 'formData'>,
	type: string,
	limit: number
): Promise<ActionEvent<Params> | TooLarge> {
	const { request } = event;
	const bytes = await readBody(request, limit);
	if (bytes instanceof TooLarge) return bytes;
	// Not `instanceof Uint8Array`: under jsdom, the stream's chunks come from Node's realm.
	if (!ArrayBuffer.isView(bytes)) return withForm({ ...event }, bytes);
	let copy: Request | undefined;
	const unread = Object.defineProperty({ ...event }, 'request', {
		// From its parts: the original's body has been read.
		get: () => (copy ??= new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: bytes })),
		// Writable as a plain property is (a wrapper may replace it), on the object written to.
		set(value: Request) {
			Object.defineProperty(this, 'request', { value, writable: true, enumerable: true, configurable: true });
		},
		// Enumerable, so that a wrapper that spreads the event (`{ ...event, cookies }`) keeps it.
		enumerable: true,
		configurable: true
	});
	return withForm(unread, await parseForm(bytes, request.headers.get('content-type') ?? '', type));
}

/**
 * The body's bytes, as adapter-node reads them (its messages too): a `Content-Length` over
 * `limit` is refused before reading; a body that grows past the limit, or past its own
 * `Content-Length` (streamed, or lying), stops being read.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | TooLarge | Broken> {
	const length = Number(request.headers.get('content-length') ?? NaN);
	const hasLength = Number.isFinite(length);
	if (hasLength && length > limit) {
		request.body?.cancel().catch(() => {});
		return new TooLarge(`Content-length of ${length} exceeds limit of ${limit} bytes.`);
	}
	const chunks: Uint8Array<ArrayBuffer>[] = [];
	let size = 0;
	/** Adds a chunk; says whether the body is now too long. */
	const tooLong = (chunk: Uint8Array<ArrayBuffer>) => {
		chunks.push(chunk);
		size += chunk.byteLength;
		return size > limit || (hasLength && size > length);
	};
	const refused = () => new TooLarge(`Request body size exceeded ${size > limit ? `body size limit of ${limit}` : `content-length of ${length}`} bytes.`);
	try {
		// Firefox's `Request` has no `body` stream: there it is read whole, then measured.
		if (request.body === undefined && tooLong(new Uint8Array(await request.arrayBuffer()))) return refused();
		const reader = request.body?.getReader();
		for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
			// A request body's chunks are never over shared memory.
			if (!tooLong(read.value as Uint8Array<ArrayBuffer>)) continue;
			reader!.cancel().catch(() => {});
			return refused();
		}
	} catch (error) {
		// A body that breaks off (the client went away) fails only an action that reads it.
		return { error };
	}
	if (chunks.length === 1) return chunks[0];
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/**
 * The submitted fields, or why the body is not a form. `enhance` sends a URL-encoded body under
 * `text/plain`, which `formData()` refuses.
 */
async function parseForm(bytes: Uint8Array<ArrayBuffer>, contentType: string, type: string): Promise<FormData | Broken> {
	try {
		// A `Request`, not a `Response`: where `Request.prototype.formData` is adapted (the test
		// kit's setup gives jsdom's own `FormData` and `File`), the action sees the same.
		const parsed = new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: bytes });
		if (type !== 'text/plain') return await parsed.formData();
		const form = new FormData();
		for (const [key, value] of new URLSearchParams(new TextDecoder().decode(bytes))) form.append(key, value);
		return form;
	} catch (error) {
		return { error };
	}
}

/**
 * The action's event. SvelteKit leaves the body to the action, so a body that does not parse
 * (a broken multipart body) fails only an action that reads it: reading `formData` then throws,
 * as `request.formData()` does in SvelteKit; an action that never reads it still runs. Not
 * enumerable, so that a wrapper that spreads the event (`{ ...event, cookies }`) does not read it.
 */
function withForm<Params>(event: Omit<ActionEvent<Params>, 'formData'>, form: FormData | Broken): ActionEvent<Params> {
	if (form instanceof FormData) return Object.assign(event, { formData: form });
	return Object.defineProperty(event, 'formData', {
		get() {
			throw form.error;
		}
	}) as ActionEvent<Params>;
}
