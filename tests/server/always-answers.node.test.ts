/**
 * The handler always answers: whatever an action, `render` or a thrown value does, it returns
 * a Response and never rejects (a rejection ends a Node server whose glue does not catch), and
 * the answer holds nothing of the error.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fail, formActions, type FormActionsOptions } from '../../src/lib/server/index.js';

const ORIGIN = 'http://app.test';
const SECRET = 'secret-4f2a';
const INTERNAL = '{"type":"error","error":{"message":"Internal Error"}}';
const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

function post(accept: string) {
	return new Request(`${ORIGIN}/`, {
		method: 'POST',
		headers: { accept, 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
		body: 'a=1'
	});
}

async function seen(response: Response) {
	return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

/** A value that throws on every operation, as a hostile or broken library's value would. */
function hostile(): object {
	const trap = () => {
		throw new Error(SECRET);
	};
	return new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap, apply: trap });
}

function throwingGetter(name: string): object {
	const error = new Error(SECRET);
	Object.defineProperty(error, name, {
		get() {
			throw new Error(SECRET);
		}
	});
	return error;
}

const page = () => `<p>page</p>`;

/** An app's own class, named as SvelteKit's is. */
class HttpError {
	constructor(
		readonly status: number,
		readonly body: object
	) {}
}

afterEach(() => vi.restoreAllMocks());

describe('the JSON path stays as SvelteKit 2 answers it', () => {
	const statuses: Array<[string, number, string]> = [
		['fail(600)', 600, '600'],
		['fail(0)', 0, '0'],
		['fail(NaN)', NaN, 'null'],
		['fail(-1)', -1, '-1']
	];
	for (const [name, status, written] of statuses) {
		test(`${name} answers HTTP 200 with its status in the body`, async () => {
			const handle = formActions({ default: () => fail(status) }, { render: page });
			expect(await seen(await handle(post('application/json')))).toEqual({
				status: 200,
				type: 'application/json',
				body: `{"type":"failure","status":${written},"data":"-1"}`
			});
		});
	}
});

/** Every way an action can misbehave, answered with a 500 and nothing of the error. */
const actions: Array<[string, () => unknown]> = [
	['a thrown lookalike of error() with status 0', () => { throw new HttpError(0, { message: SECRET }); }],
	['a thrown object with status 0', () => { throw { status: 0, body: { message: SECRET } }; }],
	['a thrown value whose constructor getter throws', () => { throw Object.defineProperty({}, 'constructor', { get() { throw new Error(SECRET); } }); }],
	['a thrown Proxy whose every trap throws', () => { throw hostile(); }],
	['a returned Proxy whose every trap throws', () => hostile()],
	['a thrown null', () => { throw null; }],
	['a thrown undefined', () => { throw undefined; }],
	['a thrown string', () => { throw SECRET; }],
	['an error whose message getter throws', () => { throw throwingGetter('message'); }],
	['an error whose toString throws', () => { throw Object.assign(new Error(SECRET), { toString() { throw new Error(SECRET); } }); }],
	['an error whose stack getter throws', () => { throw throwingGetter('stack'); }],
];

describe('the handler answers 500 and leaks nothing', () => {
	for (const [name, action] of actions) {
		test(`${name}: a 500 on both paths, and logging did not throw`, async () => {
			vi.spyOn(console, 'error').mockImplementation(() => {});
			const handle = formActions({ default: action }, { render: page });
			expect(await seen(await handle(post('application/json')))).toEqual({ status: 500, type: 'application/json', body: INTERNAL });
			const native = await seen(await handle(post(HTML)));
			expect(native.status).toBe(500);
			expect(native.body).not.toContain(SECRET);
		});
	}

	const unserializable: Array<[string, () => unknown]> = [
		['data whose serialization throws in a getter', () => ({ get field() { throw new Error(SECRET); } })],
		['failure data whose serialization throws in a getter', () => fail(400, { get field(): string { throw new Error(SECRET); } })]
	];
	for (const [name, action] of unserializable) {
		test(`${name}: a 500 as JSON; a native submission renders the page with the data unencoded`, async () => {
			vi.spyOn(console, 'error').mockImplementation(() => {});
			const handle = formActions({ default: action }, { render: page });
			expect(await seen(await handle(post('application/json')))).toEqual({ status: 500, type: 'application/json', body: INTERNAL });
			expect((await seen(await handle(post(HTML)))).body).toBe('<p>page</p>');
		});
	}

	test('even when console.error itself throws on what it is given', async () => {
		vi.spyOn(console, 'error').mockImplementation((value) => {
			if (value !== undefined && typeof value !== 'string') throw new Error('cannot print');
		});
		const handle = formActions({ default: () => { throw new Error(SECRET); } });
		expect(await seen(await handle(post('application/json')))).toEqual({ status: 500, type: 'application/json', body: INTERNAL });
	});
});

describe('without JavaScript, a page that fails to render is a plain-text 500, as SvelteKit answers', () => {
	const plain = { status: 500, type: 'text/plain; charset=utf-8', body: 'Internal Error' };
	const renders: Array<[string, FormActionsOptions['render'], () => unknown]> = [
		['the handler answers 500 when render throws', () => { throw new Error(SECRET); }, () => ({})],
		['the handler answers 500 when render rejects', async () => { throw new Error(SECRET); }, () => ({})],
		['the handler answers 500 when render returns neither a string nor a Response', () => ({ html: SECRET }) as never, () => ({})],
		['the handler answers 500 when render returns nothing', () => undefined as never, () => ({})],
		['fail(600): no HTTP status', page, () => fail(600)],
		['fail(0)', page, () => fail(0)],
		['fail(NaN)', page, () => fail(NaN)],
		['fail(-1)', page, () => fail(-1)]
	];
	for (const [name, render, action] of renders) {
		test(name, async () => {
			const log = vi.spyOn(console, 'error').mockImplementation(() => {});
			const handle = formActions({ default: action }, { render });
			expect(await seen(await handle(post(HTML)))).toEqual(plain);
			expect(log).toHaveBeenCalled();
		});
	}

	test('render returning neither says what to return, in the log', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		await formActions({ default: () => ({}) }, { render: () => 42 as never })(post(HTML));
		expect(String(log.mock.calls[0][0])).toContain("`render` must return the page's HTML as a string, or a Response; it returned number 42");
	});
});

describe('property: whatever is thrown or returned, the answer is a Response without details', () => {
	// Values an action or render may produce, secrets inside; a fixed seed, so every run is the
	// same. Hostile values are made when used (fast-check itself would trip over a Proxy).
	const makers: Record<string, (status: number) => unknown> = {
		hostile: () => hostile(),
		lookalike: (status) => ({ status, body: { message: SECRET }, message: SECRET }),
		error: () => new Error(SECRET),
		'message getter': () => throwingGetter('message'),
		'data getter': () => ({ get data() { throw new Error(SECRET); } })
	};
	const value = fc.oneof(fc.anything().map((plain) => ({ plain })), fc.constantFrom(...Object.keys(makers)).map((made) => ({ made })));
	const behaviour = fc.record({ kind: fc.constantFrom('return', 'throw', 'reject', 'fail'), value, status: fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.constant(NaN)) });

	function act({ kind, value, status }: { kind: string; value: { plain?: unknown; made?: string }; status: number }) {
		return () => {
			const produced = value.made ? makers[value.made](status) : value.plain;
			if (kind === 'throw') throw produced;
			if (kind === 'reject') return Promise.reject(produced);
			if (kind === 'fail') return fail(status, { produced } as never);
			return produced;
		};
	}

	test('never rejects, and no secret reaches the client', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		await fc.assert(
			fc.asyncProperty(behaviour, behaviour, fc.boolean(), async (action, render, json) => {
				const handle = formActions({ default: act(action) }, { render: act(render) as never });
				const response = await handle(post(json ? 'application/json' : HTML));
				expect(response).toBeInstanceOf(Response);
				const body = await response.text();
				// Returned data, and a page render returns, are the app's to send; nothing thrown is.
				const thrown = action.kind === 'throw' || action.kind === 'reject';
				if (thrown && (json || render.kind !== 'return')) expect(body).not.toContain(SECRET);
			}),
			{ seed: 20, numRuns: 300 }
		);
	});
});
