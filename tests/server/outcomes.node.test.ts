/**
 * Outcomes by identity: only what this package's `fail`, `redirect` and `error` made, or what
 * SvelteKit's own predicates (the `kit` option) recognise, is an outcome. Anything else thrown
 * is an unexpected error: a generic 500, the real error in the log, or what `handleError` says.
 */
import * as kit from '@sveltejs/kit';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { error, fail, formActions, redirect, type Action, type FormActionsOptions } from '../../src/lib/server/index.js';

const ORIGIN = 'http://app.test';
const SECRET = 'sk_live_upstream_token';
const INTERNAL = '{"type":"error","error":{"message":"Internal Error"}}';

function post(path: string, headers: Record<string, string> = {}) {
	return new Request(ORIGIN + path, {
		method: 'POST',
		headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
		body: ''
	});
}

async function answer(action: Action, options: FormActionsOptions = {}, path = '/') {
	const response = await formActions({ default: action }, options)(post(path));
	return { status: response.status, body: await response.text() };
}

function errorLog() {
	return vi.spyOn(console, 'error').mockImplementation(() => {});
}

/** What an app's own code may name its classes: an API client's error, a router's redirect. */
class HttpError {
	constructor(
		readonly status: number,
		readonly body: object
	) {}
}
class Redirect {
	constructor(
		readonly status: number,
		readonly location: string
	) {}
}
class ActionFailure {
	constructor(
		readonly status: number,
		readonly data: object
	) {}
}

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe("an app's own class is never taken for an outcome", () => {
	const lookalikes: Array<[string, () => unknown]> = [
		['a thrown HttpError of its own: its body is not sent', () => { throw new HttpError(502, { message: SECRET, token: SECRET }); }],
		['a thrown Redirect of its own', () => { throw new Redirect(303, `https://evil.test/?${SECRET}`); }],
		['a returned ActionFailure of its own', () => new ActionFailure(400, { token: SECRET })],
		['a thrown ActionFailure of its own', () => { throw new ActionFailure(400, { token: SECRET }); }],
		['an object copying the shape of error()', () => { throw { status: 400, body: { message: SECRET } }; }],
		['an object made from the prototype of our error()', () => {
			const ours = (() => { try { error(400, 'x'); } catch (thrown) { return thrown; } })();
			throw Object.assign(Object.create(Object.getPrototypeOf(ours)), { status: 400, body: { message: SECRET } });
		}],
		['an object made from the prototype of our fail()', () => Object.assign(Object.create(Object.getPrototypeOf(fail(400))), { status: 400, data: { token: SECRET } })],
		['a constructor renamed to look like ours', () => {
			const Named = class {};
			Object.defineProperty(Named, 'name', { value: 'HttpError' });
			throw Object.assign(new Named(), { status: 400, body: { message: SECRET } });
		}]
	];
	for (const [name, action] of lookalikes) {
		test(`${name}: 500 Internal Error, with or without kit`, async () => {
			errorLog();
			for (const options of [{}, { kit }]) {
				expect(await answer(action, options)).toEqual({ status: 500, body: INTERNAL });
			}
		});
	}

	test('what our fail, redirect and error make is an outcome', async () => {
		expect(await answer(() => fail(400, { a: 1 }))).toEqual({ status: 200, body: '{"type":"failure","status":400,"data":"[{\\"a\\":1},1]"}' });
		expect(await answer(() => redirect(303, '/x'))).toEqual({ status: 200, body: '{"type":"redirect","status":303,"location":"/x"}' });
		expect(await answer(() => error(404, 'Gone'))).toEqual({ status: 404, body: '{"type":"error","error":{"message":"Gone"}}' });
	});
});

describe("SvelteKit's fail, redirect and error are recognised only through kit", () => {
	const kitActions: Array<[string, () => unknown]> = [
		['fail', () => kit.fail(400, { a: 1 })],
		['redirect', () => kit.redirect(303, '/x')],
		['error', () => kit.error(404, 'Gone')]
	];

	test('without kit they are unexpected errors (500), and the development log names the kit option', async () => {
		for (const [name, action] of kitActions) {
			const log = errorLog();
			expect(await answer(action), name).toEqual({ status: 500, body: INTERNAL });
			const logged = log.mock.calls.map((call) => String(call[0])).join('\n');
			expect(logged, name).toContain(`SvelteKit's ${name}()`);
			expect(logged, name).toContain("import * as kit from '@sveltejs/kit'");
			log.mockRestore();
		}
	});

	test('in production the log has the error but no hint', async () => {
		vi.stubEnv('NODE_ENV', 'production');
		const log = errorLog();
		expect(await answer(() => kit.error(404, 'Gone'))).toEqual({ status: 500, body: INTERNAL });
		expect(log.mock.calls.map((call) => String(call[0])).join('\n')).not.toContain('kit');
		expect(log).toHaveBeenCalledTimes(1);
	});

	test('with kit they answer as ours', async () => {
		expect(await answer(kitActions[0][1], { kit })).toEqual({ status: 200, body: '{"type":"failure","status":400,"data":"[{\\"a\\":1},1]"}' });
		expect(await answer(kitActions[1][1], { kit })).toEqual({ status: 200, body: '{"type":"redirect","status":303,"location":"/x"}' });
		expect(await answer(kitActions[2][1], { kit })).toEqual({ status: 404, body: '{"type":"error","error":{"message":"Gone"}}' });
	});

	test("a kit option that is not SvelteKit's module is refused when the handler is made, naming the fix", () => {
		for (const wrong of [{}, { isHttpError: () => false }, null, 'kit']) {
			expect(() => formActions({ default: () => {} }, { kit: wrong as never })).toThrow("`kit` must be SvelteKit's module, `import * as kit from '@sveltejs/kit'`");
		}
	});
});

describe('handleError decides what the client sees of an unexpected error', () => {
	test('its body is sent with the 500, extra fields included; it gets the error, the request, status and message', async () => {
		const log = errorLog();
		const crash = new Error(SECRET);
		const handleError = vi.fn(() => ({ message: 'Sorry', id: 'abc' }));
		expect(await answer(() => { throw crash; }, { handleError })).toEqual({ status: 500, body: '{"type":"error","error":{"message":"Sorry","id":"abc"}}' });
		expect(handleError).toHaveBeenCalledWith({ error: crash, request: expect.any(Request), status: 500, message: 'Internal Error' });
		// Logging is the hook's, as with SvelteKit's.
		expect(log).not.toHaveBeenCalled();
	});

	test("SvelteKit's own errors (an unknown action) go through it with their status", async () => {
		const handleError = vi.fn(({ status, message }) => ({ message: `${status} ${message}` }));
		expect(await answer(() => {}, { handleError }, '/?/nope')).toEqual({ status: 404, body: '{"type":"error","error":{"message":"404 Not Found"}}' });
	});

	test('expected errors and redirects never reach it', async () => {
		const handleError = vi.fn(() => ({ message: 'no' }));
		await answer(() => error(418, 'Teapot'), { handleError });
		await answer(() => redirect(303, '/'), { handleError });
		expect(handleError).not.toHaveBeenCalled();
	});

	const wrongs: Array<[string, () => unknown]> = [
		['throws', () => { throw new Error('hook broke'); }],
		['rejects', async () => { throw new Error('hook broke'); }],
		['returns no message', () => ({ code: SECRET })],
		['returns a message that is not a string', () => ({ message: { secret: SECRET } })],
		['returns a string', () => SECRET],
		['returns null', () => null]
	];
	for (const [name, handleError] of wrongs) {
		test(`when it ${name}, Internal Error is sent and the problem logged`, async () => {
			const log = errorLog();
			const crash = new Error('the real error');
			expect(await answer(() => { throw crash; }, { handleError: handleError as never })).toEqual({ status: 500, body: INTERNAL });
			expect(log).toHaveBeenCalledWith(crash);
			expect(log.mock.calls.some(([logged]) => String(logged).includes('handleError'))).toBe(true);
		});
	}

	test('when it returns nothing, Internal Error is sent, as SvelteKit does', async () => {
		expect(await answer(() => { throw new Error('x'); }, { handleError: () => {} })).toEqual({ status: 500, body: INTERNAL });
	});

	test('what it returns is what a native submission renders', async () => {
		const handle = formActions({ default: () => { throw new Error(SECRET); } }, { handleError: () => ({ message: 'Sorry' }), render: ({ result }) => JSON.stringify(result) });
		expect(await (await handle(post('/', { accept: 'text/html' }))).text()).toBe('{"type":"error","status":500,"error":{"message":"Sorry"}}');
	});
});
