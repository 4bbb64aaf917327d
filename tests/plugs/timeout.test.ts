import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, page, submission, timeout } from '../../src/lib/index.js';
import type { ActionResult, EnhanceOptions } from '../../src/lib/index.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { until } from '../helpers/until.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

const FORM = '<form method="POST" action="/save?/publish"><input name="title"><button>Publish</button></form>';

beforeEach(() => {
	history.replaceState(null, '', '/save');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
	vi.useRealTimers();
	history.replaceState(null, '', '/');
});

/**
 * A form with `options` posting to a held endpoint, its callback recording results. The user
 * has typed a title.
 */
function setup(options: EnhanceOptions = {}) {
	const { handler, requests } = heldEndpoint('/save');
	server.use(handler);
	const results: ActionResult[] = [];
	const controllers: AbortController[] = [];
	const state = submission();
	const { form } = enhanced(FORM, {
		submit: ({ controller }) => {
			controllers.push(controller);
			return async ({ result, update }) => {
				results.push(result);
				await update();
			};
		},
		...options,
		use: [...(options.use ?? []), state]
	});
	const title = form.querySelector('input')!;
	title.value = 'My first post';
	return { form, title, state, requests, results, controllers };
}

describe('timeout: a request timeout', () => {
	test('aborts the request after N ms and ends with an error result saying so; the form keeps its values', async () => {
		const reported = reports();
		const { form, title, state, requests, results, controllers } = setup({ use: [timeout(5000)] });
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		await vi.advanceTimersByTimeAsync(4999);
		expect(controllers[0].signal.aborted).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(controllers[0].signal.aborted).toBe(true);
		expect(controllers[0].signal.reason).toMatchObject({ name: 'TimeoutError' });

		await until(() => expect(results).toHaveLength(1));
		const [result] = results as [Extract<ActionResult, { type: 'error' }>];
		expect(result.type).toBe('error');
		expect(result.error).toBeInstanceOf(Error);
		expect(result.error.message).toBe('POST /save?/publish timed out after 5000 ms');
		await until(() => expect(state.submitting).toBe(false));
		expect(page.error).toBe(result.error);
		expect(page.status).toBe(500);
		expect(reported.map((error) => error.message)).toEqual(['error result of POST /save?/publish (500: POST /save?/publish timed out after 5000 ms)']);
		expect(state.result).toBe(result);
		expect(title.value).toBe('My first post');
		expect(vi.getTimerCount()).toBe(0);

		// A late answer to the aborted request changes nothing.
		requests[0].answer({ type: 'success', status: 200, data: { late: true } });
		await vi.advanceTimersByTimeAsync(0);
		expect(results).toHaveLength(1);
		expect(page.form).toBeNull();
	});

	test('an answer in time is applied as usual, and no timer is left', async () => {
		const { form, state, requests, results, controllers } = setup({ use: [timeout(5000)] });
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		await vi.advanceTimersByTimeAsync(4000);
		requests[0].answer({ type: 'success', status: 200, data: { published: true } });
		await until(() => expect(state.submitting).toBe(false));
		expect(results).toEqual([{ type: 'success', status: 200, data: { published: true } }]);
		expect(page.form).toEqual({ published: true });
		// jsdom's own 0 ms timer, set when a success resets focus to the body.
		await vi.advanceTimersByTimeAsync(0);
		expect(vi.getTimerCount()).toBe(0);
		expect(controllers[0].signal.aborted).toBe(false);
	});

	test('counts from the request, not from the submit: a slow submit function does not eat into it', async () => {
		const ready = deferred();
		const { form, requests, results } = setup({ use: [timeout(1000)], submit: () => ready.promise });
		form.requestSubmit();
		await vi.advanceTimersByTimeAsync(5000);
		ready.resolve();
		await until(() => expect(requests).toHaveLength(1));
		requests[0].answer({ type: 'success', status: 204 });
		await until(() => expect(page.status).toBe(204));
		expect(results).toHaveLength(0); // the submit function returned no callback: update() ran
		expect(page.error).toBeNull();
	});

	test('also when the fetch ignores its signal: its late answer is not applied', async () => {
		const reported = reports();
		const answered = deferred<Response>();
		const fetch = vi.fn(() => answered.promise);
		const { form, results } = setup({ use: [timeout(1000)], fetch });
		form.requestSubmit();
		await until(() => expect(fetch).toHaveBeenCalled());
		await vi.advanceTimersByTimeAsync(1000);
		answered.resolve(actionResponse({ type: 'success', status: 200, data: { late: true } }));
		await until(() => expect(results).toHaveLength(1));
		expect(results[0]).toMatchObject({ type: 'error', error: { message: 'POST /save?/publish timed out after 1000 ms' } });
		expect(page.form).toBeNull();
		expect(reported).toHaveLength(1);
	});
});

describe('a user abort, unlike a timeout, ends silently', () => {
	test('no callback, no page change, the state back to idle', async () => {
		const { form, state, requests, results, controllers } = setup({ use: [timeout(5000)] });
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		controllers[0].abort();
		await until(() => expect(state.submitting).toBe(false));
		expect(results).toEqual([]);
		expect([page.form, page.error, page.status]).toEqual([null, null, 200]);
		expect(state.result).toBeNull();
		expect(vi.getTimerCount()).toBe(0);
	});

	test('a controller.abort() in the submit function, timeout or not, sends nothing and ends silently', async () => {
		const results: ActionResult[] = [];
		const { form, title, state, requests } = setup({
			use: [timeout(5000)],
			submit: ({ controller, formData }) => {
				if (formData.get('title') === 'Aborted') controller.abort();
				return ({ result }) => void results.push(result);
			}
		});
		title.value = 'Aborted';
		form.requestSubmit();
		await vi.advanceTimersByTimeAsync(10_000);
		expect([state.submitting, results, vi.getTimerCount()]).toEqual([false, [], 0]);
		expect([page.form, page.error, page.status]).toEqual([null, null, 200]);
		// The next submit's request is the first the server sees.
		title.value = 'Sent';
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		expect((await requests[0].body).get('title')).toBe('Sent');
		requests[0].answer({ type: 'failure', status: 400, data: { sent: true } });
		await until(() => expect(results).toHaveLength(1));
	});

	test("an abort with any other reason (an Error, a string) ends with an error result carrying it, as SvelteKit's enhance", async () => {
		const reported = reports();
		const { form, title, state, requests, results, controllers } = setup();
		const reasons = [new Error('Stopped by the app'), 'stopped'];
		for (const [i, reason] of reasons.entries()) {
			form.requestSubmit();
			await until(() => expect(requests).toHaveLength(i + 1));
			controllers[i].abort(reason);
			await until(() => expect(results).toHaveLength(i + 1));
			await until(() => expect(state.submitting).toBe(false));
			expect(results[i]).toEqual({ type: 'error', error: reason });
			expect(page.error).toBe(reason);
		expect(reported.at(-1)!.cause).toBe(reason);
		}
		expect(page.form).toBeNull();
		expect(title.value).toBe('My first post');
	});

	test('an abort whose reason is a TimeoutError is a timeout too (an app may time out on its own terms)', async () => {
		const reported = reports();
		const { form, requests, results, controllers } = setup();
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		controllers[0].abort(new DOMException('Gave up waiting for the server', 'TimeoutError'));
		await until(() => expect(results).toHaveLength(1));
		expect(results[0]).toMatchObject({ type: 'error', error: { message: 'Gave up waiting for the server' } });
		expect(reported.map((error) => error.cause)).toEqual([results[0].type === 'error' && results[0].error]);
	});
});

test('without the plug there is no request timeout: the state only says timedOut', async () => {
	const { form, state, requests, controllers } = setup();
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(1));
	await vi.advanceTimersByTimeAsync(60_000);
	expect([state.timedOut, controllers[0].signal.aborted]).toEqual([true, false]);
	requests[0].answer({ type: 'success', status: 200, data: { finally: true } });
	await until(() => expect(page.form).toEqual({ finally: true }));
});

test.each([0, -1, Infinity, 2 ** 31, Number.NaN])('a timeout of %s is a development error', (ms) => {
	expect(() => timeout(ms)).toThrow(/timeout\(\) takes milliseconds, between 1 and 2147483647/);
});
