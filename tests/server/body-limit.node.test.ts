/**
 * `bodySizeLimit`: a body over the limit is answered 413 and no action runs, whether its
 * `Content-Length` says so, it is streamed without one, or it is longer than its `Content-Length`
 * says; the body is read once. adapter-node's messages (`get_raw_body`).
 */
import { getResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { deserialize } from '../../src/lib/index.js';
import { actionHandler } from '../../src/lib/testing/msw/index.js';
import { formActions } from '../../src/lib/server/index.js';

const ORIGIN = 'http://app.test';
const LIMIT = 524_288;
const JSON_ACCEPT = { accept: 'application/json', 'x-sveltekit-action': 'true' };
const BROWSER_ACCEPT = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

afterEach(() => vi.restoreAllMocks());

/** A URL-encoded body of exactly `size` bytes: `text=xxx…`. */
function urlencoded(size: number): string {
	return 'text=' + 'x'.repeat(size - 5);
}

/** A POST of `body`, with a `Content-Length` when `length` is given (a number, or the body's). */
function post(body: BodyInit, headers: Record<string, string> = {}, init: RequestInit = {}) {
	return new Request(ORIGIN + '/', {
		method: 'POST',
		headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', ...JSON_ACCEPT, ...headers },
		body,
		...init
	});
}

/** A stream of `total` bytes of `x` in chunks of `chunk`, counting what was pulled. */
function stream(total: number, chunk = 16_384) {
	const seen = { pulled: 0, cancelled: false };
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			const size = Math.min(chunk, total - seen.pulled);
			if (size <= 0) return controller.close();
			seen.pulled += size;
			controller.enqueue(new TextEncoder().encode((seen.pulled === size ? 'text=' : '') + 'x'.repeat(seen.pulled === size ? size - 5 : size)));
		},
		cancel() {
			seen.cancelled = true;
		}
	});
	return { body, seen };
}

/** A handler whose action records whether it ran, and answers the length of `text`. */
function handler(options = {}) {
	const action = vi.fn(({ formData }: { formData: FormData }) => ({ length: (formData.get('text') as string | null)?.length ?? 0 }));
	return { action, handle: formActions({ default: action }, options) };
}

async function seen(response: Response) {
	return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('the default limit is 524,288 bytes (adapter-node’s 512K)', () => {
	test('a body exactly at the limit reaches the action', async () => {
		const { handle, action } = handler();
		const response = await handle(post(urlencoded(LIMIT), { 'content-length': String(LIMIT) }));
		expect(deserialize(await response.text())).toEqual({ type: 'success', status: 200, data: { length: LIMIT - 5 } });
		expect(action).toHaveBeenCalledOnce();
	});

	test('a Content-Length one byte over is a 413 before the action runs, as { message } JSON for enhance', async () => {
		const { handle, action } = handler();
		const response = await handle(post(urlencoded(LIMIT + 1), { 'content-length': String(LIMIT + 1) }));
		expect(await seen(response)).toEqual({
			status: 413,
			type: 'application/json',
			body: '{"message":"Content-length of 524289 exceeds limit of 524288 bytes."}'
		});
		expect(action).not.toHaveBeenCalled();
	});

	test('a native POST over the limit gets the 413 as text', async () => {
		const { handle, action } = handler({ render: () => 'the page' });
		const response = await handle(post(urlencoded(LIMIT + 1), { 'content-length': String(LIMIT + 1), ...BROWSER_ACCEPT }));
		expect(await seen(response)).toEqual({
			status: 413,
			type: 'text/plain; charset=utf-8',
			body: 'Content-length of 524289 exceeds limit of 524288 bytes.'
		});
		expect(action).not.toHaveBeenCalled();
	});
});

describe('a streamed body (no Content-Length)', () => {
	test('exactly at the limit reaches the action', async () => {
		const { handle } = handler();
		const { body } = stream(LIMIT);
		const response = await handle(post(body, {}, { duplex: 'half' } as RequestInit));
		expect(deserialize(await response.text())).toMatchObject({ type: 'success', data: { length: LIMIT - 5 } });
	});

	test('one byte over is a 413, and the action never runs', async () => {
		const { handle, action } = handler();
		const { body } = stream(LIMIT + 1);
		const response = await handle(post(body, {}, { duplex: 'half' } as RequestInit));
		expect(await seen(response)).toEqual({
			status: 413,
			type: 'application/json',
			body: '{"message":"Request body size exceeded body size limit of 524288 bytes."}'
		});
		expect(action).not.toHaveBeenCalled();
	});

	test('stops being read once it passes the limit: a huge body is not read to its end', async () => {
		const { handle, action } = handler();
		const { body, seen: source } = stream(64 * 1024 * 1024);
		const response = await handle(post(body, {}, { duplex: 'half' } as RequestInit));
		expect(response.status).toBe(413);
		expect(source.cancelled).toBe(true);
		expect(source.pulled).toBeLessThan(2 * LIMIT);
		expect(action).not.toHaveBeenCalled();
	});

	test('a multipart upload over the limit is a 413 (FormData bodies carry no Content-Length)', async () => {
		const { handle, action } = handler();
		const form = new FormData();
		form.append('file', new File([new Uint8Array(LIMIT)], 'big.bin'));
		const request = new Request(ORIGIN + '/', { method: 'POST', headers: { origin: ORIGIN, ...JSON_ACCEPT }, body: form });
		expect((await handle(request)).status).toBe(413);
		expect(action).not.toHaveBeenCalled();
	});

	test('whatever the action does: one that never reads the body does not run either', async () => {
		const ignore = vi.fn(() => ({ ran: true }));
		const handle = formActions({ default: ignore });
		const { body } = stream(LIMIT + 1);
		expect((await handle(post(body, {}, { duplex: 'half' } as RequestInit))).status).toBe(413);
		expect(ignore).not.toHaveBeenCalled();
	});
});

describe('a Content-Length that lies', () => {
	test('a body longer than its Content-Length is a 413, even under the limit', async () => {
		const { handle, action } = handler();
		const { body } = stream(1000, 100);
		const response = await handle(post(body, { 'content-length': '10' }, { duplex: 'half' } as RequestInit));
		expect(await seen(response)).toEqual({
			status: 413,
			type: 'application/json',
			body: '{"message":"Request body size exceeded content-length of 10 bytes."}'
		});
		expect(action).not.toHaveBeenCalled();
	});

	test('a small Content-Length does not let a body past the limit', async () => {
		const { handle, action } = handler();
		const { body, seen: source } = stream(64 * 1024 * 1024);
		const response = await handle(post(body, { 'content-length': '100' }, { duplex: 'half' } as RequestInit));
		expect(response.status).toBe(413);
		expect(source.pulled).toBeLessThan(2 * LIMIT);
		expect(action).not.toHaveBeenCalled();
	});
});

describe('the option', () => {
	test('raises the limit for uploads: 12 MB of files under 16 MB', async () => {
		const { handle } = handler({ bodySizeLimit: 16 * 1024 * 1024 });
		const upload = vi.fn(({ formData }: { formData: FormData }) => ({ size: (formData.get('file') as File).size }));
		const uploads = formActions({ default: upload }, { bodySizeLimit: 16 * 1024 * 1024 });
		const form = new FormData();
		form.append('file', new File([new Uint8Array(12 * 1024 * 1024)], 'photo.jpg'));
		const request = new Request(ORIGIN + '/', { method: 'POST', headers: { origin: ORIGIN, ...JSON_ACCEPT }, body: form });
		expect(deserialize(await (await uploads(request)).text())).toMatchObject({ data: { size: 12 * 1024 * 1024 } });
		expect((await handle(post(urlencoded(LIMIT + 1)))).status).toBe(200);
	});

	test('lowers it: one byte over a limit of 100, multipart or URL-encoded, is a 413', async () => {
		const { handle } = handler({ bodySizeLimit: 100 });
		expect((await handle(post(urlencoded(100)))).status).toBe(200);
		expect((await handle(post(urlencoded(101)))).status).toBe(413);
		const form = new FormData();
		form.append('text', 'x'.repeat(200));
		expect((await handle(new Request(ORIGIN + '/', { method: 'POST', headers: { origin: ORIGIN, ...JSON_ACCEPT }, body: form }))).status).toBe(413);
	});

	test('Infinity turns it off', async () => {
		const { handle } = handler({ bodySizeLimit: Infinity });
		const { body } = stream(4 * LIMIT);
		const response = await handle(post(body, {}, { duplex: 'half' } as RequestInit));
		expect(deserialize(await response.text())).toMatchObject({ data: { length: 4 * LIMIT - 5 } });
	});

	test('0 lets only an empty body through', async () => {
		const { handle } = handler({ bodySizeLimit: 0 });
		expect((await handle(post(''))).status).toBe(200);
		expect((await handle(post('a'))).status).toBe(413);
	});

	test('the 413 carries the CORS headers of a listed origin, so its page can read why', async () => {
		const handle = formActions({ default: () => ({}) }, { cors: ['https://other.test'], bodySizeLimit: 10 });
		const response = await handle(post(urlencoded(11), { origin: 'https://other.test' }));
		expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([413, 'https://other.test']);
	});
});

describe('the body is read once', () => {
	test('no copy of the request is made before the action runs (no tee, no second buffer)', async () => {
		const clone = vi.spyOn(Request.prototype, 'clone');
		const { handle } = handler();
		const { body } = stream(LIMIT);
		expect((await handle(post(body, {}, { duplex: 'half' } as RequestInit))).status).toBe(200);
		expect(clone).not.toHaveBeenCalled();
	});

	test('the action may still read the request itself: same bytes, headers, URL and method', async () => {
		const form = new FormData();
		form.append('name', 'Zoë');
		form.append('file', new File(['bytes'], 'a.txt', { type: 'text/plain' }));
		const handle = formActions({
			default: async ({ request, formData }) => {
				const again = await request.formData();
				return { name: again.get('name'), file: await (again.get('file') as File).text(), parsed: formData.get('name'), method: request.method, url: request.url };
			}
		});
		const multipart = new Request(ORIGIN + '/', { method: 'POST', headers: { origin: ORIGIN, ...JSON_ACCEPT }, body: form });
		expect(deserialize(await (await handle(multipart)).text())).toMatchObject({
			data: { name: 'Zoë', file: 'bytes', parsed: 'Zoë', method: 'POST', url: ORIGIN + '/' }
		});
		const { body } = stream(1000, 100);
		const streamed = new Request(ORIGIN + '/?/text', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'text/plain', ...JSON_ACCEPT }, body, duplex: 'half' } as RequestInit);
		const handleText = formActions({ text: async ({ request }) => ({ length: (await request.text()).length, type: request.headers.get('content-type') }) });
		expect(deserialize(await (await handleText(streamed)).text())).toMatchObject({ data: { length: 1000, type: 'text/plain' } });
	});
});

test("the MSW kit's actionHandler has no limit, as SvelteKit's development server", async () => {
	const handlers = [actionHandler(ORIGIN + '/', { default: ({ formData }) => ({ length: (formData.get('text') as string).length }) })];
	const response = await getResponse(handlers, post(urlencoded(2 * LIMIT)));
	expect(deserialize(await response!.text())).toMatchObject({ data: { length: 2 * LIMIT - 5 } });
});
