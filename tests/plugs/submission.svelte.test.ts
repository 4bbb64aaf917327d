import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { configure, enhance, page, submission } from '../../src/lib/index.js';
import type { Config, EnhanceOptions, Submission } from '../../src/lib/index.js';
import { deferred, enhanced, mountForm } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

const FORM = '<form method="POST" action="/save"><input name="title" value="Draft"><button>Save</button></form>';

let invalidateAll: Mock<Config['invalidateAll']>;
beforeEach(() => {
	history.replaceState(null, '', '/save');
	invalidateAll = vi.fn<Config['invalidateAll']>();
	configure({ goto: vi.fn(), invalidateAll });
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
	vi.useRealTimers();
	history.replaceState(null, '', '/');
});

/** The state's fields, for one-line comparisons. */
const flags = (state: Submission) => ({ submitting: state.submitting, delayed: state.delayed, timedOut: state.timedOut });
const IDLE = { submitting: false, delayed: false, timedOut: false };

/** A form with its own `submission()` state, posting to a held endpoint. */
function setup(options: EnhanceOptions = {}, state = submission()) {
	const { handler, requests } = heldEndpoint('/save');
	server.use(handler);
	const { form, action } = enhanced(FORM, { ...options, use: [...(options.use ?? []), state] });
	/** Submits and waits for the request. */
	async function submit() {
		const before = requests.length;
		form.requestSubmit();
		await until(() => expect(requests.length).toBe(before + 1));
		return requests[before];
	}
	return { form, action, state, requests, submit };
}

describe('submission(): state without callbacks', () => {
	test('idle before any submission', () => {
		const state = submission();
		expect(flags(state)).toEqual(IDLE);
		expect([state.formData, state.result]).toEqual([null, null]);
	});

	test('while the request is under way: submitting, with the FormData sent (as the submit function left it)', async () => {
		const { state, submit } = setup({ submit: ({ formData }) => formData.set('tags', 'urgent') });
		const request = await submit();
		expect(flags(state)).toEqual({ submitting: true, delayed: false, timedOut: false });
		expect(Object.fromEntries(state.formData!)).toEqual({ title: 'Draft', tags: 'urgent' });
		expect(await request.body).toEqual(new URLSearchParams({ title: 'Draft', tags: 'urgent' }));

		request.answer({ type: 'failure', status: 400, data: { missing: 'body' } });
		await until(() => expect(state.submitting).toBe(false));
		expect(flags(state)).toEqual(IDLE);
		expect(state.formData).toBeNull();
		expect(state.result).toEqual({ type: 'failure', status: 400, data: { missing: 'body' } });
		expect(vi.getTimerCount()).toBe(0);
	});

	test('delayed after 500 ms and timedOut after 8 s by default; timedOut is a UI state, the request goes on', async () => {
		let signal!: AbortSignal;
		const { state, submit } = setup({ submit: ({ controller }) => void (signal = controller.signal) });
		const request = await submit();
		await vi.advanceTimersByTimeAsync(499);
		expect(flags(state)).toEqual({ submitting: true, delayed: false, timedOut: false });
		await vi.advanceTimersByTimeAsync(1);
		expect(flags(state)).toEqual({ submitting: true, delayed: true, timedOut: false });
		await vi.advanceTimersByTimeAsync(7499);
		expect(state.timedOut).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(flags(state)).toEqual({ submitting: true, delayed: true, timedOut: true });
		expect(signal.aborted).toBe(false);

		request.answer({ type: 'success', status: 200, data: { saved: true } });
		await until(() => expect(state.submitting).toBe(false));
		expect(flags(state)).toEqual(IDLE);
		expect(page.form).toEqual({ saved: true });
	});

	test('delay and timeout are configurable', async () => {
		const { state, submit } = setup({}, submission({ delay: 100, timeout: 1000 }));
		const request = await submit();
		await vi.advanceTimersByTimeAsync(100);
		expect(flags(state)).toEqual({ submitting: true, delayed: true, timedOut: false });
		await vi.advanceTimersByTimeAsync(900);
		expect(state.timedOut).toBe(true);
		request.answer({ type: 'success', status: 204 });
		await until(() => expect(state.submitting).toBe(false));
		expect(vi.getTimerCount()).toBe(0);
	});

	test('an answer before the delay never shows delayed, and leaves no timer', async () => {
		const { state, submit } = setup();
		const seen: boolean[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seen.push(state.delayed));
		});
		flushSync();
		const request = await submit();
		await vi.advanceTimersByTimeAsync(300);
		request.answer({ type: 'success', status: 204 });
		await until(() => expect(state.submitting).toBe(false));
		await vi.advanceTimersByTimeAsync(10_000);
		flushSync();
		stop();
		expect(seen).toEqual([false]);
		expect(vi.getTimerCount()).toBe(0);
	});

	test('submitting lasts until the callback, refresh included, is done: an optimistic item does not flicker', async () => {
		const refreshed = deferred();
		invalidateAll.mockImplementation(() => refreshed.promise);
		const { state, submit } = setup();
		const request = await submit();
		request.answer({ type: 'success', status: 200, data: {} });
		await until(() => expect(invalidateAll).toHaveBeenCalled());
		expect(state.submitting).toBe(true);
		expect(state.formData?.get('title')).toBe('Draft');
		refreshed.resolve();
		await until(() => expect(state.submitting).toBe(false));
		expect(state.result).toEqual({ type: 'success', status: 200, data: {} });
	});

	test('the last result stays while the next submission is under way', async () => {
		const { state, submit } = setup();
		(await submit()).answer({ type: 'failure', status: 422, data: { taken: true } });
		await until(() => expect(state.submitting).toBe(false));
		const second = await submit();
		expect(state.submitting).toBe(true);
		expect(state.result).toEqual({ type: 'failure', status: 422, data: { taken: true } });
		second.answer({ type: 'success', status: 200, data: { ok: true } });
		await until(() => expect(state.result).toEqual({ type: 'success', status: 200, data: { ok: true } }));
	});

	test('an error result is the last result too', async () => {
		const reported = reports();
		const { state, submit } = setup();
		(await submit()).answer({ type: 'error', status: 503, error: { message: 'Down' } });
		await until(() => expect(state.submitting).toBe(false));
		expect(state.result).toEqual({ type: 'error', status: 503, error: { message: 'Down' } });
		expect(reported.map((error) => error.cause)).toEqual([{ message: 'Down' }]);
	});

	test('a cancelled submission leaves the state idle', async () => {
		const submitted = deferred();
		const { form, state, requests } = setup({
			submit: ({ cancel }) => {
				cancel();
				submitted.resolve();
			}
		});
		form.requestSubmit();
		await submitted.promise;
		expect(flags(state)).toEqual(IDLE);
		expect(requests).toHaveLength(0);
		expect(vi.getTimerCount()).toBe(0);
	});

	test('an aborted submission returns the state to idle, keeping the last result, without a timer left', async () => {
		const controllers: AbortController[] = [];
		const { state, submit } = setup({ submit: ({ controller }) => void controllers.push(controller) });
		(await submit()).answer({ type: 'success', status: 200, data: { first: true } });
		await until(() => expect(state.submitting).toBe(false));
		await submit();
		await vi.advanceTimersByTimeAsync(600);
		expect(flags(state)).toEqual({ submitting: true, delayed: true, timedOut: false });
		controllers[1].abort();
		await until(() => expect(state.submitting).toBe(false));
		expect(flags(state)).toEqual(IDLE);
		expect(state.formData).toBeNull();
		expect(state.result).toEqual({ type: 'success', status: 200, data: { first: true } });
		expect(page.form).toEqual({ first: true });
		expect(vi.getTimerCount()).toBe(0);
	});

	test('destroying the form mid-submission returns the state to idle at once and clears its timers', async () => {
		const done = deferred();
		const { state, action, submit } = setup({ submit: () => () => done.resolve() });
		const request = await submit();
		await vi.advanceTimersByTimeAsync(600);
		action.destroy();
		expect(flags(state)).toEqual(IDLE);
		expect(vi.getTimerCount()).toBe(0);
		// The custom callback still gets the late result (the contract), but the state stays put.
		request.answer({ type: 'success', status: 200, data: { late: true } });
		await done.promise;
		expect(state.result).toBeNull();
		expect(vi.getTimerCount()).toBe(0);
	});

	test('a repeated submit (allow) does not restart the clock: the spinner already shown stays', async () => {
		const { state, submit } = setup();
		const first = await submit();
		await vi.advanceTimersByTimeAsync(600);
		const second = await submit();
		expect(state.delayed).toBe(true);
		expect(state.formData).not.toBeNull();
		first.answer({ type: 'success', status: 200, data: { n: 1 } });
		await until(() => expect(state.result).not.toBeNull());
		expect(flags(state)).toEqual({ submitting: true, delayed: true, timedOut: false });
		second.answer({ type: 'success', status: 200, data: { n: 2 } });
		await until(() => expect(state.submitting).toBe(false));
		expect(vi.getTimerCount()).toBe(0);
	});
});

describe('several forms on one page', () => {
	test('each keeps its own state; page.form keeps its global meaning (the last result applied)', async () => {
		const { handler, requests } = heldEndpoint('/save');
		server.use(handler);
		mountForm(FORM + FORM.replace('Draft', 'Other'));
		const [one, two] = document.forms;
		const states = [submission(), submission()];
		enhance(one, { use: [states[0]] });
		enhance(two, { use: [states[1]] });

		one.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		expect([states[0].submitting, states[1].submitting]).toEqual([true, false]);
		two.requestSubmit();
		await until(() => expect(requests).toHaveLength(2));
		expect(states[1].formData?.get('title')).toBe('Other');

		// Different forms never race each other: both results are applied, in arrival order.
		requests[1].answer({ type: 'failure', status: 400, data: { form: 'two' } });
		await until(() => expect(states[1].submitting).toBe(false));
		expect(states[0].submitting).toBe(true);
		requests[0].answer({ type: 'failure', status: 400, data: { form: 'one' } });
		await until(() => expect(states[0].submitting).toBe(false));

		expect(states[0].result).toMatchObject({ data: { form: 'one' } });
		expect(states[1].result).toMatchObject({ data: { form: 'two' } });
		expect(page.form).toEqual({ form: 'one' });
	});
});
