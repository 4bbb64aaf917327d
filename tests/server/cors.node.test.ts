/**
 * `formActions`' `cors` option: a page on another origin (https://app.test) posting to these
 * actions (served at https://api.test) with `enhance`. The browser's side is proven in Chromium
 * by tests/e2e/cross-origin.e2e.ts.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { error, fail, formActions, redirect, type FormActionsOptions } from '../../src/lib/server/index.js';

const API = 'https://api.test';
const APP = 'https://app.test';
const EVIL = 'https://evil.test';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

const actions = {
	join: ({ formData }: { formData: FormData }) => (formData.get('email') ? { joined: formData.get('email') } : fail(400, { missing: true })),
	away: () => redirect(303, '/thanks'),
	closed: () => error(423, 'Closed')
};

/** The newsletter's actions, with `options`; `render` answers native posts with a page. */
function api(options: FormActionsOptions = {}) {
	return formActions(actions, { render: ({ result, status }) => `<p>${result.type} ${status}</p>`, ...options });
}

/** A form POST from a page on `origin`, as `enhance` sends it unless `headers` say otherwise. */
function post(path: string, origin: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
	return new Request(API + path, {
		method: 'POST',
		headers: {
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			origin,
			...headers
		},
		body: new URLSearchParams(fields)
	});
}

/** The browser's preflight before `enhance` posts from `origin`. */
function preflight(origin: string, headers: Record<string, string> = {}) {
	return new Request(API + '/newsletter?/join', {
		method: 'OPTIONS',
		headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-sveltekit-action', ...headers }
	});
}

async function seen(response: Response) {
	return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

/** The response's CORS headers (and Vary), by name. */
function corsHeaders(response: Response) {
	return Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'));
}

afterEach(() => vi.restoreAllMocks());

describe('the preflight', () => {
	test('from a listed origin: a 204 allowing POST and the action header, for that origin only', async () => {
		const response = await api({ cors: [APP] })(preflight(APP));
		expect(await seen(response)).toEqual({
			status: 204,
			headers: {
				'access-control-allow-origin': APP,
				'access-control-allow-methods': 'POST',
				'access-control-allow-headers': 'x-sveltekit-action',
				vary: 'Origin'
			},
			body: ''
		});
	});

	test('allows the headers the page asks for too, as header names, lower case, once each', async () => {
		const response = await api({ cors: [APP] })(preflight(APP, { 'access-control-request-headers': 'Authorization, x-sveltekit-action,X-Trace ,bad name' }));
		expect(response.headers.get('access-control-allow-headers')).toBe('x-sveltekit-action, authorization, x-trace');
	});

	test('from an unlisted origin: no CORS headers (the browser then blocks the post), the 405 a handler without cors sends', async () => {
		const without = await seen(await api()(preflight(EVIL)));
		expect(without).toEqual({ status: 405, headers: { allow: 'POST', 'content-length': '26' }, body: 'OPTIONS method not allowed' });
		const response = await api({ cors: [APP] })(preflight(EVIL));
		expect(await seen(response)).toEqual({ ...without, headers: { ...without.headers, vary: 'Origin' } });
	});

	test('an OPTIONS that is not a preflight (no Access-Control-Request-Method) is not answered as one', async () => {
		const request = preflight(APP);
		request.headers.delete('access-control-request-method');
		const response = await api({ cors: [APP] })(request);
		expect(response.status).toBe(405);
		expect(response.headers.has('access-control-allow-methods')).toBe(false);
	});

	test('credentials only when the option says so', async () => {
		const plain = await api({ cors: { origins: [APP] } })(preflight(APP));
		expect(plain.headers.has('access-control-allow-credentials')).toBe(false);
		const response = await api({ cors: { origins: [APP], credentials: true } })(preflight(APP));
		expect(corsHeaders(response)).toEqual({
			'access-control-allow-origin': APP,
			'access-control-allow-credentials': 'true',
			'access-control-allow-methods': 'POST',
			'access-control-allow-headers': 'x-sveltekit-action',
			vary: 'Origin'
		});
	});
});

describe('the answers to a listed origin', () => {
	/** What the same request gets from a handler without `cors` that trusts the origin: only the headers may differ. */
	async function compare(request: () => Request) {
		const trusting = await seen(await api({ trustedOrigins: [APP] })(request()));
		const answered = await api({ cors: { origins: [APP], credentials: true } })(request());
		const cors = await seen(answered);
		expect(cors).toEqual({
			...trusting,
			headers: { ...trusting.headers, 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true', vary: 'Origin' }
		});
		return trusting;
	}

	test('JSON results (success, failure, redirect, error) carry the origin and Vary: Origin', async () => {
		expect((await compare(() => post('/newsletter?/join', APP, { email: 'a@b.c' }))).body).toBe(
			'{"type":"success","status":200,"data":"[{\\"joined\\":1},\\"a@b.c\\"]"}'
		);
		expect((await compare(() => post('/newsletter?/join', APP))).body).toBe('{"type":"failure","status":400,"data":"[{\\"missing\\":1},true]"}');
		expect((await compare(() => post('/newsletter?/away', APP))).body).toBe('{"type":"redirect","status":303,"location":"/thanks"}');
		expect(await compare(() => post('/newsletter?/closed', APP))).toMatchObject({ status: 423, body: '{"type":"error","error":{"message":"Closed"}}' });
	});

	test("the server's own errors (404, 415, 405) carry them too, so the page can read them", async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await compare(() => post('/newsletter?/nope', APP))).toMatchObject({ status: 404 });
		expect(await compare(() => post('/newsletter?/join', APP, {}, { 'content-type': 'application/json' }))).toMatchObject({ status: 415 });
		expect(await compare(() => new Request(API + '/newsletter', { headers: { origin: APP } }))).toMatchObject({ status: 405 });
	});

	test('native posts: the rendered page and the HTTP redirect carry them', async () => {
		const native = (path: string) => post(path, APP, { email: 'a@b.c' }, { accept: BROWSER_ACCEPT });
		expect(await compare(() => native('/newsletter?/join'))).toMatchObject({ status: 200, body: '<p>success 200</p>' });
		expect(await compare(() => native('/newsletter?/away'))).toMatchObject({ status: 303, headers: { location: '/thanks' } });
	});

	test("a Response from render keeps its status, body and headers (its Vary too), even when they cannot change", async () => {
		const handle = (page: () => Response) => formActions(actions, { render: page, cors: [APP] })(post('/newsletter?/join', APP, {}, { accept: 'text/html' }));
		const made = await handle(() => new Response('made', { status: 201, headers: { vary: 'Accept', 'x-page': 'yes' } }));
		expect(await seen(made)).toEqual({
			status: 201,
			headers: { 'content-type': 'text/plain;charset=UTF-8', vary: 'Accept, Origin', 'x-page': 'yes', 'access-control-allow-origin': APP },
			body: 'made'
		});
		// Response.redirect's headers are immutable: adding to them would throw.
		const moved = await handle(() => Response.redirect(API + '/elsewhere', 303));
		expect(await seen(moved)).toEqual({
			status: 303,
			headers: { location: API + '/elsewhere', vary: 'Origin', 'access-control-allow-origin': APP },
			body: ''
		});
	});

	test('a bare list is the origins, without credentials', async () => {
		const response = await api({ cors: [APP] })(post('/newsletter?/join', APP, { email: 'a@b.c' }));
		expect(corsHeaders(response)).toEqual({ 'access-control-allow-origin': APP, vary: 'Origin' });
	});
});

describe('the cross-site check', () => {
	test('trusts the listed origins: without cors their post is a 403, with it the action runs', async () => {
		const request = () => post('/newsletter?/join', APP, { email: 'a@b.c' });
		expect((await api()(request())).status).toBe(403);
		expect((await api({ cors: [APP] })(request())).status).toBe(200);
		const native = await api({ cors: [APP] })(post('/newsletter?/join', APP, { email: 'a@b.c' }, { accept: BROWSER_ACCEPT }));
		expect([native.status, await native.text()]).toEqual([200, '<p>success 200</p>']);
	});

	test('still refuses an unlisted origin, whose 403 carries no CORS header', async () => {
		const response = await api({ cors: { origins: [APP], credentials: true }, trustedOrigins: ['https://pay.test'] })(post('/newsletter?/join', EVIL, { email: 'a@b.c' }));
		expect(await seen(response)).toEqual({
			status: 403,
			headers: { 'content-type': 'application/json', 'content-length': '60', vary: 'Origin' },
			body: '{"message":"Cross-site POST form submissions are forbidden"}'
		});
		// trustedOrigins still counts beside cors.
		expect((await api({ cors: [APP], trustedOrigins: ['https://pay.test'] })(post('/newsletter?/join', 'https://pay.test', { email: 'a@b.c' }))).status).toBe(200);
	});

	test('and a post without Origin', async () => {
		const request = post('/newsletter?/join', APP, { email: 'a@b.c' });
		request.headers.delete('origin');
		const response = await api({ cors: [APP] })(request);
		expect(response.status).toBe(403);
		expect(corsHeaders(response)).toEqual({ vary: 'Origin' });
	});
});

describe("'*'", () => {
	test('every origin may post and read the answer: Access-Control-Allow-Origin: *', async () => {
		const handle = api({ cors: ['*'] });
		expect(corsHeaders(await handle(preflight(EVIL)))).toEqual({
			'access-control-allow-origin': '*',
			'access-control-allow-methods': 'POST',
			'access-control-allow-headers': 'x-sveltekit-action',
			vary: 'Origin'
		});
		const response = await handle(post('/newsletter?/join', EVIL, { email: 'a@b.c' }));
		expect(response.status).toBe(200);
		expect(corsHeaders(response)).toEqual({ 'access-control-allow-origin': '*', vary: 'Origin' });
	});

	test('with credentials is refused when the handler is made, saying why and what to write', () => {
		for (const origins of [['*'], [APP, '*']]) {
			expect(() => api({ cors: { origins, credentials: true } })).toThrow(
				"formActions: `cors` cannot combine '*' with `credentials: true`: every site's page could then post with the user's cookies and read the result."
			);
		}
	});
});

// Mistaken origins, refused when the handler is made: tests/server/options.node.test.ts.

test('without the option, no answer gains a header', async () => {
	vi.spyOn(console, 'error').mockImplementation(() => {});
	const handle = api({ trustedOrigins: [APP] });
	for (const request of [preflight(APP), post('/newsletter?/join', APP, { email: 'a@b.c' }), post('/newsletter?/nope', APP), post('/newsletter?/join', EVIL)]) {
		expect(corsHeaders(await handle(request))).toEqual({});
	}
});
