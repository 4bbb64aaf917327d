import * as kit from '@sveltejs/kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { configure, deserialize } from '../../src/lib/index.js';
import { actionHandler, error, fail, redirect, type ActionEvent } from '../../src/lib/testing/msw/index.js';
import { resetAll } from '../../src/lib/testing/reset.js';
import { server } from '../setup/msw.js';
import { post, seen } from './post.js';

afterEach(() => vi.restoreAllMocks());

/** Mutes and returns console.error, where the handler logs unexpected errors as SvelteKit does. */
function errorLog() {
	return vi.spyOn(console, 'error').mockImplementation(() => {});
}

const json = 'application/json';

describe('results on the wire, as a SvelteKit 2 server sends them', () => {
	const cases: Array<[string, () => unknown, { status: number; body: string }]> = [
		['data', () => ({ email: 'a@b.c', ok: true }), { status: 200, body: '{"type":"success","status":200,"data":"[{\\"email\\":1,\\"ok\\":2},\\"a@b.c\\",true]"}' }],
		['no data (a 204 with devalue\'s undefined)', () => {}, { status: 200, body: '{"type":"success","status":204,"data":"-1"}' }],
		['fail(400, data): HTTP 200, the status in the body', () => fail(400, { missing: true }), { status: 200, body: '{"type":"failure","status":400,"data":"[{\\"missing\\":1},true]"}' }],
		['fail(409) without data', () => fail(409), { status: 200, body: '{"type":"failure","status":409,"data":"-1"}' }],
		['redirect(303, location)', () => redirect(303, '/done'), { status: 200, body: '{"type":"redirect","status":303,"location":"/done"}' }],
		['error(404, message): the HTTP status is the error\'s', () => error(404, 'No such post'), { status: 404, body: '{"type":"error","error":{"message":"No such post"}}' }],
		['error(403, body) keeps every field', () => error(403, { message: 'Nope', code: 'LOCKED' }), { status: 403, body: '{"type":"error","error":{"message":"Nope","code":"LOCKED"}}' }],
		['error(410) without body', () => error(410), { status: 410, body: '{"type":"error","error":{"message":"Error: 410"}}' }],
		['Date, Map, BigInt', () => ({ at: new Date(0), tags: new Map([['a', 1n]]) }), { status: 200, body: '{"type":"success","status":200,"data":"[{\\"at\\":1,\\"tags\\":2},[\\"Date\\",\\"1970-01-01T00:00:00.000Z\\"],[\\"Map\\",3,4],\\"a\\",[\\"BigInt\\",\\"1\\"]]"}' }]
	];
	for (const [name, action, expected] of cases) {
		test(name, async () => {
			server.use(actionHandler('/things', { save: action }));
			expect(await seen(post('/things?/save'))).toEqual({ ...expected, type: json });
		});
	}

	test('what the client decodes is what the action returned', async () => {
		const data = { at: new Date('2026-01-02T03:04:05Z'), tags: new Set(['x']), big: 10n ** 20n };
		server.use(actionHandler('/things', { save: () => fail(422, data) }));
		const result = deserialize(await (await post('/things?/save')).text());
		expect(result).toEqual({ type: 'failure', status: 422, data });
	});

	const kitActions = {
		failing: () => kit.fail(400, { email: 'x' }),
		moving: () => kit.redirect(307, '/elsewhere'),
		missing: () => kit.error(404, 'Gone')
	};

	test("SvelteKit's own fail, redirect and error work too given kit, so actions can be copied from +page.server.ts", async () => {
		server.use(actionHandler('/kit', kitActions, { kit }));
		expect((await seen(post('/kit?/failing'))).body).toBe('{"type":"failure","status":400,"data":"[{\\"email\\":1},\\"x\\"]"}');
		expect((await seen(post('/kit?/moving'))).body).toBe('{"type":"redirect","status":307,"location":"/elsewhere"}');
		expect(await seen(post('/kit?/missing'))).toEqual({ status: 404, type: json, body: '{"type":"error","error":{"message":"Gone"}}' });
	});

	test("without kit (and outside svelteKitTesting()), SvelteKit's outcomes are unexpected errors: 500 Internal Error", async () => {
		errorLog();
		server.use(actionHandler('/kit', kitActions));
		for (const name of Object.keys(kitActions)) {
			expect(await seen(post(`/kit?/${name}`)), name).toEqual({ status: 500, type: json, body: '{"type":"error","error":{"message":"Internal Error"}}' });
		}
	});

	test("an app's own class named HttpError is an unexpected error: its body never reaches the page", async () => {
		errorLog();
		class HttpError {
			status = 502;
			body = { message: 'upstream said: token=secret' };
		}
		server.use(actionHandler('/things', { save: () => { throw new HttpError(); } }, { kit }));
		expect(await seen(post('/things?/save'))).toEqual({ status: 500, type: json, body: '{"type":"error","error":{"message":"Internal Error"}}' });
	});

	test('handleError decides what the page sees of an unexpected error', async () => {
		server.use(actionHandler('/things', { save: () => { throw new Error('secret'); } }, { handleError: () => ({ message: 'Sorry', code: 'E1' }) }));
		expect((await seen(post('/things?/save'))).body).toBe('{"type":"error","error":{"message":"Sorry","code":"E1"}}');
	});

	test('redirect and error validate their status as SvelteKit does', () => {
		expect(() => redirect(200, '/')).toThrow('Invalid status code');
		expect(() => error(302, 'x')).toThrow(/between 400 and 599/);
		for (const status of [300, 304, 306, 308] as const) expect(() => redirect(status, '/')).toThrow(expect.objectContaining({ status }));
		expect(() => redirect(309, '/')).toThrow('Invalid status code');
		expect(() => redirect(303, '/a\nb')).toThrow('Invalid redirect location "/a\\nb": it cannot be an HTTP header');
	});
});

describe('unexpected errors: a generic 500, the real error logged', () => {
	test('a thrown Error never reaches the client', async () => {
		const log = errorLog();
		const crash = new Error('password=hunter2');
		server.use(actionHandler('/things', { save: () => { throw crash; } }));
		expect(await seen(post('/things?/save'))).toEqual({ status: 500, type: json, body: '{"type":"error","error":{"message":"Internal Error"}}' });
		expect(log).toHaveBeenCalledWith(crash);
	});

	test('throw fail() is a mistake SvelteKit reports', async () => {
		const log = errorLog();
		server.use(actionHandler('/things', { save: () => { throw fail(400); } }));
		expect((await seen(post('/things?/save'))).status).toBe(500);
		expect(log.mock.calls[0][0].message).toBe('Cannot "throw fail()". Use "return fail()"');
	});

	test('data devalue cannot serialize', async () => {
		const log = errorLog();
		server.use(actionHandler('/things', { save: () => ({ fn: () => 1 }) }));
		expect(await seen(post('/things?/save'))).toEqual({ status: 500, type: json, body: '{"type":"error","error":{"message":"Internal Error"}}' });
		expect(log.mock.calls[0][0].message).toBe('Data returned from action inside /things is not serializable: Cannot stringify a function (data.fn)');
	});

	test('a Response returned by mistake says what to do instead', async () => {
		const log = errorLog();
		server.use(actionHandler('/things', { save: () => Response.json({ ok: true }) }));
		expect((await seen(post('/things?/save'))).status).toBe(500);
		expect(log.mock.calls[0][0].message).toMatch(/not a Response\. For a hand-made response, use actionResponse\(\)/);
	});
});

describe('choosing the action', () => {
	test('?/name picks a named action; a POST without one goes to default', async () => {
		server.use(actionHandler('/a', { one: () => ({ n: 1 }), two: () => ({ n: 2 }) }), actionHandler('/b', { default: () => ({ n: 0 }) }));
		expect(deserialize(await (await post('/a?/two')).text())).toEqual({ type: 'success', status: 200, data: { n: 2 } });
		expect(deserialize(await (await post('/b')).text())).toEqual({ type: 'success', status: 200, data: { n: 0 } });
		// The first parameter starting with "/" names the action, wherever it is.
		expect(deserialize(await (await post('/a?tab=x&/one')).text())).toEqual({ type: 'success', status: 200, data: { n: 1 } });
	});

	test('an unknown action is a 404, as in SvelteKit', async () => {
		const log = errorLog();
		server.use(actionHandler('/a', { one: () => {} }), actionHandler('/b', { default: () => {} }));
		const notFound = { status: 404, type: json, body: '{"type":"error","error":{"message":"Not Found"}}' };
		expect(await seen(post('/a?/three'))).toEqual(notFound);
		expect(await seen(post('/a'))).toEqual(notFound);
		expect(await seen(post('/b?/one'))).toEqual(notFound);
		expect(log.mock.calls[0][0].message).toBe("No action with name 'three' found");
	});

	test('?/default is reserved', async () => {
		errorLog();
		server.use(actionHandler('/b', { default: () => {} }));
		expect(await seen(post('/b?/default'))).toEqual({ status: 500, type: json, body: '{"type":"error","error":{"message":"Internal Error"}}' });
	});

	test('a named action next to default is refused when the handler is made', () => {
		expect(() => actionHandler('/a', { default: () => {}, login: () => {} })).toThrow(
			'When using named actions, the default action cannot be used'
		);
	});

	test('a query in the path is refused (MSW would ignore it)', () => {
		expect(() => actionHandler('/login?/login', { login: () => {} })).toThrow(/actionHandler\('\/login', \{ login \}\)/);
	});

	test('a POST that prefers HTML (a form without use:enhance) gets the JSON result too: there is no page to render', async () => {
		server.use(actionHandler('/a', { one: () => fail(400, { missing: true }) }));
		const response = await fetch(new URL('/a?/one', location.href), {
			method: 'POST',
			headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		expect(await seen(response)).toEqual({ status: 200, type: json, body: '{"type":"failure","status":400,"data":"[{\\"missing\\":1},true]"}' });
	});

	test('a body that is not a form is a 415', async () => {
		errorLog();
		server.use(actionHandler('/a', { one: () => ({}) }));
		const response = await fetch(new URL('/a?/one', location.href), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(await seen(response)).toEqual({ status: 415, type: json, body: '{"type":"error","error":{"message":"Unsupported Media Type"}}' });
	});
});

describe('what the action receives', () => {
	test('request (unread), parsed formData, url and params', async () => {
		const action = vi.fn(async (event) => ({ again: Object.fromEntries(await event.request.formData()) }));
		server.use(actionHandler('/posts/:slug', { comment: action }));
		const response = await post('/posts/hello?/comment', { text: 'Nice', n: '2' });
		expect(deserialize(await response.text())).toEqual({ type: 'success', status: 200, data: { again: { text: 'Nice', n: '2' } } });
		const [event] = action.mock.calls[0];
		expect(Object.fromEntries(event.formData)).toEqual({ text: 'Nice', n: '2' });
		expect(event.url.href).toBe(new URL('/posts/hello?/comment', location.href).href);
		expect(event.params).toEqual({ slug: 'hello' });
	});

	test('a text/plain form (enhance sends it URL-encoded) still arrives as fields', async () => {
		const action = vi.fn((_event: ActionEvent) => {});
		server.use(actionHandler('/a', { one: action }));
		await post('/a?/one', { q: 'a b&c' }, 'text/plain');
		expect(action.mock.calls[0][0].formData.get('q')).toBe('a b&c');
	});

	test("multipart forms with jsdom's FormData and File (rebuilt for Node's fetch by the setup file)", async () => {
		const action = vi.fn(async ({ formData }) => ({ size: (formData.get('file') as File).size }));
		server.use(actionHandler('/upload', { default: action }));
		const body = new FormData();
		body.append('file', new File(['hello'], 'hello.txt', { type: 'text/plain' }));
		const response = await fetch(new URL('/upload', location.href), { method: 'POST', headers: { accept: json }, body });
		expect(deserialize(await response.text())).toEqual({ type: 'success', status: 200, data: { size: 5 } });
	});
});

describe('requests: what each action received, for assertions', () => {
	const shop = actionHandler('/shop', { add: () => ({}), remove: () => ({}) });

	test('recorded per action, in order, with unread request copies', async () => {
		server.use(shop);
		await post('/shop?/add', { id: '1' });
		await post('/shop?/add', { id: '2' });
		await post('/shop?/remove', { id: '1' });
		expect(shop.requests.add.map((r) => r.formData.get('id'))).toEqual(['1', '2']);
		expect(shop.requests.remove).toHaveLength(1);
		expect(await shop.requests.remove[0].request.text()).toBe('id=1');
		expect(shop.requests.remove[0].request.headers.get('x-sveltekit-action')).toBe('true');
	});

	test('emptied by resetAll(), so a module-level handler starts each test clean', () => {
		// The previous test recorded three requests; `afterEach(resetAll)` ran since.
		expect(shop.requests).toEqual({ add: [], remove: [] });
	});

	test('an unknown action records nothing', async () => {
		errorLog();
		server.use(shop);
		await post('/shop?/other');
		expect(shop.requests).toEqual({ add: [], remove: [] });
	});
});

describe('custom types registered with configure({ transport })', () => {
	class Money {
		constructor(readonly cents: number) {}
	}
	const transport = {
		Money: { encode: (value: unknown) => value instanceof Money && value.cents, decode: (cents: number) => new Money(cents) }
	};

	test('are encoded as SvelteKit encodes them, and decode back', async () => {
		configure({ transport });
		server.use(actionHandler('/pay', { default: () => ({ total: new Money(250) }) }));
		const body = await (await post('/pay')).text();
		expect(body).toBe('{"type":"success","status":200,"data":"[{\\"total\\":1},[\\"Money\\",2],250]"}');
		const result = deserialize(body);
		expect(result.type === 'success' && result.data!.total).toBeInstanceOf(Money);
	});
});
