import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { configure, page, sveltekit3 } from '../../src/lib/index.js';
import type { ActionResult, Config, UpdateOptions } from '../../src/lib/index.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

/**
 * `update()` by the rules of the server that answered: SvelteKit 3 results (with `location`)
 * follow SvelteKit 3.2's `update`, the others SvelteKit 2's. Every response here is what a
 * SvelteKit 3.2 server sends, byte for byte (HTTP status included), or a SvelteKit 2 one.
 */

const FORM = `<form method="POST" action="?/save">
	<input name="title" value="">
	<button>Save</button>
</form>`;

/** What happened, in order: refreshes, navigations and the page state when each ran. */
let steps: string[];
let goto: Mock<Config['goto']>;
let invalidateAll: Mock<Config['invalidateAll']>;

beforeEach(() => {
	history.replaceState(null, '', '/todos?list=home');
	steps = [];
	goto = vi.fn<Config['goto']>(async (url, { invalidateAll }) => {
		steps.push(`goto ${url} refresh=${invalidateAll}`);
		history.pushState(null, '', url);
	});
	invalidateAll = vi.fn<Config['invalidateAll']>(async () => {
		steps.push('refresh');
	});
	// The plug `configure(sveltekit)` adds; outside SvelteKit, an app served by SvelteKit 3 adds it.
	configure({ goto, invalidateAll, use: [sveltekit3()] });
});
afterEach(() => {
	history.replaceState(null, '', '/');
});

/** A SvelteKit 3.2 server's answer to an action: the result's status in HTTP too, 200 for a success. */
function kit3(result: Record<string, unknown>, httpStatus = result.type === 'success' ? 200 : (result.status as number)) {
	server.use(http.post('*', () => HttpResponse.json(result, { status: httpStatus })));
}

/**
 * Types a title, submits to `action` with a callback calling `update(options)`, and resolves with
 * the title field's value once the callback finished.
 */
async function submit(options?: UpdateOptions, action = '?/save') {
	const done = deferred<ActionResult>();
	const { form } = enhanced(FORM.replace('?/save', action), () => async ({ result, update }) => {
		await update(options);
		done.resolve(result);
	});
	const title = form.querySelector<HTMLInputElement>('[name=title]')!;
	title.value = 'Buy milk';
	form.requestSubmit();
	const result = await done.promise;
	return { result, title: title.value };
}

describe('SvelteKit 3 results (with `location`) on their own page', () => {
	const success = { type: 'success', status: 200, location: '/todos?list=home', data: '[{"id":1},1]' };
	const failure = { type: 'failure', status: 400, location: '/todos?list=home', data: '[{"missing":1},true]' };

	test('a success resets, refreshes, then applies', async () => {
		kit3(success);
		const { title } = await submit();
		expect(title).toBe('');
		expect(steps).toEqual(['refresh']);
		expect(page.form).toEqual({ id: 1 });
		expect(goto).not.toHaveBeenCalled();
	});

	test('a success without data: 204 in the body, HTTP 200, no data', async () => {
		kit3({ type: 'success', status: 204, location: '/todos?list=home' });
		const { result } = await submit();
		expect(result).toEqual({ type: 'success', status: 204, location: '/todos?list=home' });
		expect(steps).toEqual(['refresh']);
		expect(page.status).toBe(204);
		expect(page.form).toBeUndefined();
	});

	test("a failure (fail()'s status in HTTP too) keeps what was typed and does not refresh", async () => {
		kit3(failure);
		const { title } = await submit();
		expect(title).toBe('Buy milk');
		expect(steps).toEqual([]);
		expect(page).toMatchObject({ form: { missing: true }, status: 400 });
	});

	test('refreshAll: true refreshes after a failure, as SvelteKit 3.2 does', async () => {
		kit3(failure);
		await submit({ refreshAll: true });
		expect(steps).toEqual(['refresh']);
		expect(page.form).toEqual({ missing: true });
	});

	test('so does the deprecated invalidateAll: true', async () => {
		kit3(failure);
		await submit({ invalidateAll: true });
		expect(steps).toEqual(['refresh']);
	});

	test('refreshAll wins over invalidateAll, either way', async () => {
		kit3(success);
		await submit({ refreshAll: false, invalidateAll: true });
		expect(steps).toEqual([]);
		kit3(failure);
		await submit({ refreshAll: true, invalidateAll: false });
		expect(steps).toEqual(['refresh']);
	});

	test('an error of the server refreshes only when asked, and keeps what was typed', async () => {
		const reported = reports();
		kit3({ type: 'error', location: '/todos?list=home', error: { message: 'Database down' } }, 503);
		const { title } = await submit();
		expect(title).toBe('Buy milk');
		expect(steps).toEqual([]);
		expect(page).toMatchObject({ error: { message: 'Database down' }, status: 503 });
		await submit({ refreshAll: true });
		expect(steps).toEqual(['refresh']);
		expect(reported).toHaveLength(2);
	});

	test('the same query in another order is the same page', async () => {
		history.replaceState(null, '', '/todos?b=2&a=1&a=0');
		kit3({ ...success, location: '/todos?a=0&b=2&a=1' });
		await submit();
		expect(goto).not.toHaveBeenCalled();
		expect(page.form).toEqual({ id: 1 });
	});
});

describe('SvelteKit 3 results of another page: navigate there, as a native submission', () => {
	test('a success navigates to its page (refreshing), then is applied there', async () => {
		kit3({ type: 'success', status: 200, location: '/lists', data: '[{"id":1},2]' });
		const { title } = await submit(undefined, '/lists?/save');
		expect(title).toBe('');
		expect(steps).toEqual(['goto http://localhost:3000/lists refresh=true']);
		expect(location.pathname + location.search).toBe('/lists');
		expect(page.form).toEqual({ id: 2 });
	});

	test('a failure navigates without refreshing, and is applied there', async () => {
		kit3({ type: 'failure', status: 422, location: '/lists', data: '[{"title":1},"?"]' });
		await submit(undefined, '/lists?/save');
		expect(steps).toEqual(['goto http://localhost:3000/lists refresh=false']);
		expect(page).toMatchObject({ form: { title: '?' }, status: 422 });
	});

	test('a query that differs is another page (/todos?list=home is not /todos)', async () => {
		kit3({ type: 'failure', status: 400, location: '/todos', data: '[{}]' });
		await submit();
		expect(goto).toHaveBeenCalledOnce();
	});

	test('an error navigates to the page of its action, then shows there', async () => {
		const reported = reports();
		kit3({ type: 'error', location: '/lists', error: { message: 'Nope' } }, 500);
		await submit(undefined, '/lists?/save');
		expect(steps).toEqual(['goto http://localhost:3000/lists refresh=false']);
		expect(page.error).toEqual({ message: 'Nope' });
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
	});

	test('navigate: false applies it to the current page instead', async () => {
		kit3({ type: 'failure', status: 400, location: '/lists', data: '[{"here":1},true]' });
		await submit({ navigate: false }, '/lists?/save');
		expect(goto).not.toHaveBeenCalled();
		expect(page.form).toEqual({ here: true });
	});

	test('a location on another origin is never navigated to: the result is applied here', async () => {
		kit3({ type: 'failure', status: 400, location: '//evil.example/todos', data: '[{"here":1},true]' });
		await submit();
		expect(goto).not.toHaveBeenCalled();
		expect(page.form).toEqual({ here: true });
	});

	test('a location that is no URL is refused with the answer: an error, nothing navigates, typed stays', async () => {
		const reported = reports();
		kit3({ type: 'failure', status: 400, location: 'http://[', data: '[{}]' });
		const { result, title } = await submit(undefined, '/lists?/save');
		expect(result.type).toBe('error');
		expect(reported.map((error) => error.cause)).toEqual([result.type === 'error' && result.error]);
		expect(title).toBe('Buy milk');
		expect(goto).not.toHaveBeenCalled();
	});

	test('a navigation that fails becomes an error result; what was typed stays', async () => {
		const reported = reports();
		goto.mockRejectedValueOnce(new Error('No route for /lists'));
		kit3({ type: 'failure', status: 400, location: '/lists', data: '[{}]' });
		const { title } = await submit(undefined, '/lists?/save');
		expect(title).toBe('Buy milk');
		expect(page.error).toEqual(new Error('No route for /lists'));
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
	});
});

describe('SvelteKit 2 results (no `location`) keep SvelteKit 2 rules', () => {
	function kit2(result: Record<string, unknown>, httpStatus = 200) {
		server.use(http.post('*', () => HttpResponse.json(result, { status: httpStatus })));
	}

	test('a failure never refreshes, even with refreshAll: true', async () => {
		kit2({ type: 'failure', status: 400, data: '[{"x":1},1]' });
		await submit({ refreshAll: true, invalidateAll: true });
		expect(steps).toEqual([]);
		expect(page.form).toEqual({ x: 1 });
	});

	test('invalidateAll wins over refreshAll', async () => {
		kit2({ type: 'success', status: 200, data: '[{"x":1},1]' });
		await submit({ invalidateAll: false, refreshAll: true });
		expect(steps).toEqual([]);
	});

	test("another page's success is not applied and nothing navigates, whatever `navigate` says", async () => {
		kit2({ type: 'success', status: 200, data: '[{"x":1},1]' });
		await submit({ navigate: true }, '/lists?/save');
		expect(goto).not.toHaveBeenCalled();
		expect(page.form).toBeNull();
	});
});

test('redirects are the same in both: no reset, no refresh, goto the target', async () => {
	kit3({ type: 'redirect', status: 303, location: '/done' }, 200);
	const { title } = await submit({ refreshAll: true, navigate: false });
	expect(title).toBe('Buy milk');
	expect(steps).toEqual(['goto http://localhost:3000/done refresh=true']);
});

test("a response fetch followed through a proxy's redirect is an error, not a navigation; what was typed stays", async () => {
	const reported = reports();
	const loginPage = new Response('<!doctype html><h1>Sign in</h1>', { headers: { 'content-type': 'text/html' } });
	Object.defineProperties(loginPage, { redirected: { value: true }, url: { value: 'https://sso.example/login' } });
	const done = deferred<ActionResult>();
	const { form } = enhanced(FORM, {
		fetch: async () => loginPage,
		submit: () => async ({ result, update }) => {
			await update();
			done.resolve(result);
		}
	});
	form.querySelector<HTMLInputElement>('[name=title]')!.value = 'Buy milk';
	form.requestSubmit();
	const result = await done.promise;
	expect(result).toMatchObject({ type: 'error', status: 200 });
	expect(result.type === 'error' && result.error.message).toContain('redirected to https://sso.example/login');
	expect(goto).not.toHaveBeenCalled();
	expect(reported.map((error) => error.cause)).toEqual([result.type === 'error' && result.error]);
	expect(form.querySelector<HTMLInputElement>('[name=title]')!.value).toBe('Buy milk');
});

test("without the sveltekit3() plug a SvelteKit 3 result keeps SvelteKit 2's rules: applied here, no navigation", async () => {
	configure({ use: undefined });
	kit3({ type: 'failure', status: 400, location: '/lists', data: '[{"here":1},true]' });
	const { form } = enhanced(FORM);
	form.requestSubmit();
	await vi.waitFor(() => expect(page.status).toBe(400));
	expect(goto).not.toHaveBeenCalled();
	expect(page.form).toEqual({ here: true });
});

test('a form can list sveltekit3() itself, without configure', async () => {
	configure({ use: undefined });
	kit3({ type: 'success', status: 200, location: '/lists', data: '[{"there":1},true]' });
	const { form } = enhanced(FORM, { use: [sveltekit3()] });
	form.requestSubmit();
	await vi.waitFor(() => expect(goto).toHaveBeenCalled());
	expect(steps[0]).toMatch(/^goto http:\/\/localhost:3000\/lists refresh=true$/);
});
