/**
 * `svelte-form-actions/server` on its own: routing, the cross-site check, the no-JavaScript
 * path and the transport registry. Byte identity with SvelteKit's server is in
 * byte-identity.test.ts.
 */
import * as kit from '@sveltejs/kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { configure, deserialize } from '../../src/lib/index.js';
import { resetConfig } from '../../src/lib/config.js';
import { error, fail, formActions, redirect, setTransport, type RenderInput } from '../../src/lib/server/index.js';

const ORIGIN = 'http://app.test';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

/** A same-site form POST, as `enhance` sends it unless `headers` say otherwise. */
function post(path: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
	return new Request(ORIGIN + path, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin: ORIGIN,
			...headers
		},
		body: new URLSearchParams(fields)
	});
}

async function seen(response: Response) {
	return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

afterEach(() => {
	vi.restoreAllMocks();
	resetConfig();
});

describe('routing', () => {
	const handle = formActions({
		login: ({ formData }) => ({ email: formData.get('email') }),
		register: () => fail(400, { taken: true })
	});

	test('?/name picks the action, which gets the fields', async () => {
		expect(deserialize(await (await handle(post('/login?/login', { email: 'a@b.c' }))).text())).toEqual({
			type: 'success',
			status: 200,
			data: { email: 'a@b.c' }
		});
		expect(deserialize(await (await handle(post('/login?/register'))).text())).toEqual({
			type: 'failure',
			status: 400,
			data: { taken: true }
		});
	});

	test('an unknown action is a 404, and a page of named actions has no default', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		for (const path of ['/login?/nope', '/login']) {
			const response = await handle(post(path));
			expect(response.status).toBe(404);
			expect(await response.text()).toBe('{"type":"error","error":{"message":"Not Found"}}');
		}
	});

	test('a name every object inherits (?/toString, ?/constructor, ?/__proto__) is no action: a 404', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
			const response = await handle(post(`/login?/${name}`));
			expect([response.status, await response.text()], name).toEqual([404, '{"type":"error","error":{"message":"Not Found"}}']);
		}
	});

	test('the default action answers a POST without a name', async () => {
		const only = formActions({ default: () => ({ ok: true }) });
		expect(deserialize(await (await only(post('/'))).text())).toMatchObject({ type: 'success', data: { ok: true } });
	});

	test('named actions beside a default one are refused, with SvelteKit message', () => {
		expect(() => formActions({ default: () => {}, other: () => {} })).toThrow(/the default action cannot be used/);
	});

	test('a body SvelteKit refuses is a 415; a GET is a 405 that allows POST', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const json = await handle(post('/login?/login', {}, { 'content-type': 'application/json' }));
		expect(await seen(json)).toMatchObject({ status: 415, body: '{"type":"error","error":{"message":"Unsupported Media Type"}}' });
		const get = await handle(new Request(ORIGIN + '/login'));
		expect(await seen(get)).toEqual({
			status: 405,
			headers: { allow: 'POST', 'content-length': '22' },
			body: 'GET method not allowed'
		});
	});

	test('the action gets the unread request, the URL and the params the caller passes', async () => {
		const seenBy = vi.fn(async ({ request, url, params, formData }) => ({
			again: (await request.formData()).get('x'),
			field: formData.get('x'),
			search: url.search,
			params
		}));
		const response = await formActions({ save: seenBy })(post('/items/7?/save', { x: '1' }), { id: '7' });
		expect(deserialize(await response.text())).toMatchObject({
			data: { again: '1', field: '1', search: '?/save', params: { id: '7' } }
		});
	});

	test('a body that does not parse fails only the actions that read formData, as reading it throws', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const broken = { 'content-type': 'multipart/form-data; boundary=x' };
		const handle = formActions({ ignore: () => ({ ran: true }), read: ({ formData }) => ({ name: formData.get('name') }) });
		const ignored = await handle(new Request(ORIGIN + '/?/ignore', { method: 'POST', headers: { ...broken, origin: ORIGIN }, body: 'garbage' }));
		expect(deserialize(await ignored.text())).toEqual({ type: 'success', status: 200, data: { ran: true } });
		const read = await handle(new Request(ORIGIN + '/?/read', { method: 'POST', headers: { ...broken, origin: ORIGIN }, body: 'garbage' }));
		expect([read.status, await read.text()]).toEqual([500, '{"type":"error","error":{"message":"Internal Error"}}']);
		expect(log.mock.calls[0][0]).toBeInstanceOf(TypeError);
	});

	test('a URL-encoded body sent as text/plain (what enhance sends for that enctype) is read', async () => {
		const response = await handle(post('/login?/login', { email: 'p@q.r' }, { 'content-type': 'text/plain' }));
		expect(deserialize(await response.text())).toMatchObject({ data: { email: 'p@q.r' } });
	});
});

describe("SvelteKit's own fail, redirect and error", () => {
	const kitActions = {
		fail: () => kit.fail(422, { kit: true }),
		redirect: () => kit.redirect(303, '/done'),
		error: () => kit.error(418, 'Teapot')
	};
	const handle = formActions(kitActions, { kit });

	test('are answered as ours are when the handler has kit', async () => {
		const texts = await Promise.all(['fail', 'redirect', 'error'].map(async (name) => (await handle(post(`/?/${name}`))).text()));
		expect(texts).toEqual([
			'{"type":"failure","status":422,"data":"[{\\"kit\\":1},true]"}',
			'{"type":"redirect","status":303,"location":"/done"}',
			'{"type":"error","error":{"message":"Teapot"}}'
		]);
	});
});

describe('the cross-site check', () => {
	const handle = formActions({ default: () => ({ ok: true }) });

	test("a form POST from another site's page is a 403, as SvelteKit answers it", async () => {
		const native = await handle(post('/', {}, { origin: 'https://evil.test', accept: BROWSER_ACCEPT }));
		expect(await seen(native)).toEqual({
			status: 403,
			headers: { 'content-length': '46' },
			body: 'Cross-site POST form submissions are forbidden'
		});
		const enhanced = await handle(post('/', {}, { origin: 'https://evil.test' }));
		expect(await seen(enhanced)).toEqual({
			status: 403,
			headers: { 'content-type': 'application/json', 'content-length': '60' },
			body: '{"message":"Cross-site POST form submissions are forbidden"}'
		});
	});

	test('a POST without Origin is refused too; a body that is not a form is not checked', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const request = post('/');
		request.headers.delete('origin');
		expect((await handle(request)).status).toBe(403);
		expect((await handle(post('/', {}, { origin: 'https://evil.test', 'content-type': 'application/json' }))).status).toBe(415);
	});

	test('trustedOrigins lets listed origins post; "*" lets every one', async () => {
		const trusting = formActions({ default: () => ({ ok: true }) }, { trustedOrigins: ['https://pay.test'] });
		expect((await trusting(post('/', {}, { origin: 'https://pay.test' }))).status).toBe(200);
		expect((await trusting(post('/', {}, { origin: 'https://evil.test' }))).status).toBe(403);
		const open = formActions({ default: () => ({ ok: true }) }, { trustedOrigins: ['*'] });
		expect((await open(post('/', {}, { origin: 'https://evil.test' }))).status).toBe(200);
	});
});

describe('a submission without JavaScript', () => {
	const render = vi.fn(({ result, status }: RenderInput) => `<p>${result.type} ${status} ${JSON.stringify(result)}</p>`);
	const handle = formActions(
		{
			save: ({ formData }) => (formData.get('name') ? { saved: formData.get('name') } : fail(400, { missing: true })),
			nothing: () => {},
			away: () => redirect(303, '/done'),
			broken: () => error(409, 'Conflict'),
			crash: () => {
				throw new Error('secret');
			}
		},
		{ render }
	);
	/** A browser's own POST: it prefers HTML and sends no `x-sveltekit-action`. */
	function native(path: string, fields: Record<string, string> = {}) {
		const request = post(path, fields, { accept: BROWSER_ACCEPT });
		request.headers.delete('x-sveltekit-action');
		return handle(request);
	}

	test('the page is rendered with the result, at the status SvelteKit would answer', async () => {
		const success = await native('/?/save', { name: 'Zoë' });
		expect(success.status).toBe(200);
		expect(success.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await success.text()).toBe('<p>success 200 {"type":"success","status":200,"data":{"saved":"Zoë"}}</p>');

		expect(await (await native('/?/nothing')).text()).toBe('<p>success 200 {"type":"success","status":200}</p>');
		const failure = await native('/?/save');
		expect([failure.status, await failure.text()]).toEqual([400, '<p>failure 400 {"type":"failure","status":400,"data":{"missing":true}}</p>']);
		const expected = await native('/?/broken');
		expect([expected.status, await expected.text()]).toEqual([409, '<p>error 409 {"type":"error","status":409,"error":{"message":"Conflict"}}</p>']);
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const unexpected = await native('/?/crash');
		expect([unexpected.status, await unexpected.text()]).toEqual([
			500,
			'<p>error 500 {"type":"error","status":500,"error":{"message":"Internal Error"}}</p>'
		]);
		expect(render.mock.calls[0][0].request.headers.get('accept')).toBe(BROWSER_ACCEPT);
	});

	test('render gets the submitted fields, parsed: after a success, a failure, an error or a crash alike', async () => {
		render.mockClear();
		vi.spyOn(console, 'error').mockImplementation(() => {});
		for (const path of ['/?/save', '/?/broken', '/?/crash']) await native(path, { name: 'Zoë', note: 'typed' });
		await native('/?/save', {});
		const fields = render.mock.calls.map(([input]) => input.formData && [...input.formData]);
		expect(fields).toEqual([
			[['name', 'Zoë'], ['note', 'typed']],
			[['name', 'Zoë'], ['note', 'typed']],
			[['name', 'Zoë'], ['note', 'typed']],
			[]
		]);
		// No action reached (an unknown name): no fields.
		await native('/?/unknown', { name: 'Zoë' });
		expect(render.mock.lastCall![0].formData).toBeUndefined();
	});

	test('a redirect is answered with the redirect, not the page', async () => {
		render.mockClear();
		const response = await native('/?/away');
		expect(await seen(response)).toEqual({ status: 303, headers: { location: '/done' }, body: '' });
		expect(render).not.toHaveBeenCalled();
	});

	test('a Response from render is sent as it is', async () => {
		const custom = formActions({ default: () => ({}) }, { render: () => new Response('made', { status: 201 }) });
		const response = await custom(post('/', {}, { accept: 'text/html' }));
		expect([response.status, await response.text()]).toEqual([201, 'made']);
	});

	test('JSON when accept prefers it (enhance, curl without accept) or when there is no render', async () => {
		for (const accept of ['application/json', '*/*', 'application/json, text/html', 'text/html;q=0.5, application/json']) {
			const response = await handle(post('/?/save', { name: 'x' }, { accept }));
			expect(response.headers.get('content-type'), accept).toBe('application/json');
		}
		const request = post('/?/save', { name: 'x' });
		request.headers.delete('accept');
		expect((await handle(request)).headers.get('content-type')).toBe('application/json');
		const jsOnly = formActions({ default: () => ({}) });
		expect((await jsOnly(post('/', {}, { accept: BROWSER_ACCEPT }))).headers.get('content-type')).toBe('application/json');
	});
});

describe('transport', () => {
	class Money {
		constructor(readonly cents: number) {}
	}
	const types = {
		Money: { encode: (value: unknown) => value instanceof Money && value.cents, decode: (cents: number) => new Money(cents) }
	};
	const handle = formActions({ default: () => ({ price: new Money(250) }) });

	test('setTransport feeds the encoder, and deserialize on the same registry decodes', async () => {
		setTransport(types);
		const text = await (await handle(post('/'))).text();
		expect(text).toBe('{"type":"success","status":200,"data":"[{\\"price\\":1},[\\"Money\\",2],250]"}');
		expect(deserialize(text)).toEqual({ type: 'success', status: 200, data: { price: new Money(250) } });
		setTransport({});
	});

	test("configure({ transport }) feeds the same registry, and resetting the configuration empties it", async () => {
		configure({ transport: types });
		expect((await (await handle(post('/'))).text())).toContain('Money');
		resetConfig();
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect((await handle(post('/'))).status).toBe(500);
	});
});

describe('sveltekit: 3 answers as a SvelteKit 3 server (its action_result_json, read in @sveltejs/kit 3.4.1)', () => {
	const handle = formActions(
		{
			fails: ({ formData }) => fail(422, { email: formData.get('email') }),
			empty: () => undefined,
			returns: () => ({ saved: true }),
			down: () => error(503, 'Database down'),
			away: () => redirect(303, '/done')
		},
		{ sveltekit: 3 }
	);
	const json = { 'content-type': 'application/json' };
	const answer = async (path: string, fields?: Record<string, string>) => seen(await handle(post(path, fields)));
	const body = (text: string) => ({ body: text, 'content-length': String(new TextEncoder().encode(text).byteLength) });

	test('a failure: its status over HTTP, the page in location before data', async () => {
		const { status, headers, body: text } = await answer('/login?/fails&next=%2Fhome', { email: 'a@b.c' });
		expect({ status, text }).toEqual({ status: 422, text: '{"type":"failure","status":422,"location":"/login?next=%2Fhome","data":"[{\\"email\\":1},\\"a@b.c\\"]"}' });
		expect(headers).toMatchObject({ ...json, 'content-length': body(text)['content-length'] });
	});

	test('a success with data (200), and one without any: a 204 in the body and no data key, HTTP 200', async () => {
		expect(await answer('/account?/returns')).toMatchObject({
			status: 200,
			body: '{"type":"success","status":200,"location":"/account","data":"[{\\"saved\\":1},true]"}'
		});
		expect(await answer('/account?/empty')).toMatchObject({ status: 200, body: '{"type":"success","status":204,"location":"/account"}' });
	});

	test("an error: its status over HTTP, location before the error's body; a redirect as SvelteKit 2 sends it", async () => {
		expect(await answer('/account?/down')).toMatchObject({ status: 503, body: '{"type":"error","location":"/account","error":{"message":"Database down"}}' });
		expect(await answer('/account?/away')).toMatchObject({ status: 200, body: '{"type":"redirect","status":303,"location":"/done"}' });
	});

	test("what our enhance and SvelteKit 3's read: the failure's status and its page", async () => {
		const response = await handle(post('/login?/fails', { email: 'x' }));
		const result = deserialize(await response.text());
		expect(result).toEqual({ type: 'failure', status: 422, location: '/login', data: { email: 'x' } });
	});

	test('another major is refused when the handler is made', () => {
		expect(() => formActions({}, { sveltekit: 4 as 3 })).toThrow('formActions: `sveltekit` must be 2 or 3, the SvelteKit major to answer as — got 4.');
	});
});
