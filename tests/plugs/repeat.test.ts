import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, focusInvalid, page, repeat, submission, timeout } from '../../src/lib/index.js';
import type { ActionResult, EnhanceOptions, Plug, RepeatPolicy, SubmitFunction } from '../../src/lib/index.js';
import { repeatPlugs, type Policy } from '../helpers/plugs.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';

const FORM = '<form method="POST" action="/save"><input name="n"><button>Save</button></form>';
const POLICIES: Policy[] = ['allow', 'abort', 'prevent'];

beforeEach(() => {
	history.replaceState(null, '', '/save');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	// Only the library's timers are faked (the state's clocks): none may be left at the end.
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
	vi.useRealTimers();
	history.replaceState(null, '', '/');
});

/** The answer to submission `n`: a failure (so nothing is reset) carrying `n`. */
const answerFor = (n: number): ActionResult => ({ type: 'failure', status: 400, data: { n } });

/**
 * A form posting to a held endpoint. Records which submissions reached their callback, and how
 * each ended for the observers ([n, the `n` of its result, or undefined]), through a
 * `submission()` state wrapped by a recording observer.
 */
function setup(options: EnhanceOptions, then: SubmitFunction = () => async ({ update }) => void (await update())) {
	const { handler, requests } = heldEndpoint('/save');
	server.use(handler);
	const state = submission();
	const called: number[] = [];
	const ends: [number, unknown][] = [];
	const recorder: Plug = {
		start(input) {
			const end = state.start(input);
			return (result) => {
				ends.push([Number(input.formData.get('n')), result && 'data' in result ? result.data?.n : undefined]);
				end(result);
			};
		}
	};
	const { form, action } = enhanced(FORM, {
		...options,
		use: [...(options.use ?? []), recorder],
		submit: async (input) => {
			const callback = await then(input);
			return async (result) => {
				called.push(Number(result.formData.get('n')));
				await (callback ? callback(result) : result.update());
			};
		}
	});
	/** Submits with n = `n`; when it `sends`, waits until its request arrived. */
	async function submit(n: number, sends = true) {
		const before = requests.length;
		form.querySelector('input')!.value = String(n);
		const event = new SubmitEvent('submit', { cancelable: true });
		form.dispatchEvent(event);
		// Handled by enhance whatever happens next: never a native submission.
		expect(event.defaultPrevented).toBe(true);
		if (sends) await until(() => expect(requests.length).toBe(before + 1));
	}
	/** Answers submission `n`'s request, if it was sent, and waits until that submission ended. */
	async function answer(n: number) {
		if (!requests[n]) return;
		requests[n].answer(answerFor(n));
		await until(() => expect(ends.map(([ended]) => ended)).toContain(n));
	}
	return { form, action, state, requests, called, ends, submit, answer };
}

/** The answers that are newer than every answer before them: what arrival order lets through. */
function records(order: number[]) {
	return order.filter((n, i) => order.slice(0, i).every((before) => before < n));
}

const ORDERS = [
	[0, 1, 2],
	[0, 2, 1],
	[1, 0, 2],
	[1, 2, 0],
	[2, 0, 1],
	[2, 1, 0]
];

describe.each(POLICIES)('the race rule, repeat: %s', (policy) => {
	test.each(ORDERS)('three submissions answered in the order %i, %i, %i: no older result overwrites a newer one', async (...order) => {
		const { state, requests, called, ends, submit, answer } = setup({ use: repeatPlugs(policy) });
		await submit(0);
		for (const n of [1, 2]) await submit(n, policy !== 'prevent');
		for (const n of order) await answer(n);

		// What each policy lets through: everything in arrival order minus the stale; only the
		// newest request; only the first request.
		const applied = { allow: records(order), abort: [2], prevent: [0] }[policy];
		const newest = applied.at(-1)!;
		expect(called).toEqual(applied);
		expect(requests).toHaveLength(policy === 'prevent' ? 1 : 3);
		expect(page.form).toEqual({ n: newest });
		expect(state.result).toEqual(answerFor(newest));
		// Every submission that was sent ended once; those discarded or aborted without a result.
		expect([...ends].sort(([a], [b]) => a - b)).toEqual(requests.map((_, n) => [n, applied.includes(n) ? n : undefined]));
		expect([state.submitting, state.delayed, state.formData]).toEqual([false, false, null]);
		expect(vi.getTimerCount()).toBe(0);
	});

	test("a result taken while an older one's callback runs wins: the older update() does nothing", async () => {
		const gate = deferred();
		const { state, called, submit, answer } = setup({ use: repeatPlugs(policy) }, (input) =>
			input.formData.get('n') === '0'
				? async ({ update }) => {
						await gate.promise;
						await update();
					}
				: undefined
		);
		await submit(0);
		// Submission 0's answer arrives; its callback waits (as one awaiting a slow refresh does).
		void answer(0);
		await until(() => expect(called).toEqual([0]));
		await submit(1, policy !== 'prevent');
		await answer(1);
		gate.resolve();
		await until(() => expect(state.submitting).toBe(false));

		// `prevent` ignored submission 1 (0 was still under way): 0 is the newest and applies.
		const newest = policy === 'prevent' ? 0 : 1;
		expect(page.form).toEqual({ n: newest });
		expect(state.result).toEqual(answerFor(newest));
	});

	test('an update() called after its submission ended does nothing once a newer result was taken', async () => {
		const later = deferred();
		const late: Promise<void>[] = [];
		const { state, submit, answer } = setup({ use: repeatPlugs(policy) }, (input) =>
			input.formData.get('n') === '0'
				? ({ update }) => {
						// Not awaited: submission 0 ends at once, its update() runs later.
						late.push(later.promise.then(() => update()));
					}
				: undefined
		);
		await submit(0);
		await answer(0);
		expect(state.result).toEqual(answerFor(0));
		await submit(1);
		await answer(1);
		later.resolve();
		await late[0];
		expect(page.form).toEqual({ n: 1 });
	});
});

describe('repeat policies', () => {
	test('allow is the default: every submit sends its request, as in SvelteKit', async () => {
		const { requests, submit, answer } = setup({});
		await submit(0);
		await submit(1);
		expect(requests).toHaveLength(2);
		expect(await requests[1].body).toEqual(new URLSearchParams({ n: '1' }));
		await answer(0);
		await answer(1);
		expect(page.form).toEqual({ n: 1 });
	});

	test('abort: the earlier request is aborted (an AbortError) and ends silently', async () => {
		const controllers: AbortController[] = [];
		const { called, ends, submit, answer } = setup({ use: [repeat('abort')] }, ({ controller }) => void controllers.push(controller));
		await submit(0);
		await submit(1);
		expect(controllers[0].signal.aborted).toBe(true);
		expect(controllers[0].signal.reason).toMatchObject({ name: 'AbortError' });
		expect(controllers[1].signal.aborted).toBe(false);
		await until(() => expect(ends).toEqual([[0, undefined]]));
		expect(page.form).toBeNull();
		await answer(1);
		expect(called).toEqual([1]);
	});

	test('abort: an earlier submission whose answer is in, its callback still running (a slow refresh), is superseded too', async () => {
		const gate = deferred();
		const { state, called, ends, submit, answer } = setup({ use: [repeat('abort')] }, (input) =>
			input.formData.get('n') === '0'
				? async ({ update }) => {
						await gate.promise;
						await update();
					}
				: undefined
		);
		await submit(0);
		void answer(0);
		await until(() => expect(called).toEqual([0]));
		// Submission 1 is sent while 0's callback waits: 0's result is stale, as its request would be.
		await submit(1);
		gate.resolve();
		await until(() => expect(ends).toEqual([[0, undefined]]));
		expect(page.form).toBeNull();
		expect(state.result).toBeNull();
		await answer(1);
		expect(page.form).toEqual({ n: 1 });
	});

	test('abort: a repeat submit that its submit function cancels aborts nothing', async () => {
		const controllers: AbortController[] = [];
		const { requests, submit, answer } = setup({ use: [repeat('abort')] }, ({ controller, formData, cancel }) => {
			controllers.push(controller);
			if (formData.get('n') === '1') cancel();
		});
		await submit(0);
		await submit(1, false);
		await until(() => expect(controllers).toHaveLength(2));
		expect(controllers[0].signal.aborted).toBe(false);
		await answer(0);
		expect(page.form).toEqual({ n: 0 });
	});

	test('prevent: a submit while one is under way is ignored, not even submitted natively', async () => {
		const submits = vi.fn();
		const { form, requests, called, submit, answer } = setup({ use: [repeat('prevent')] }, submits);
		await submit(0);
		await submit(1, false);
		await submit(2, false);
		expect(submits).toHaveBeenCalledOnce();
		expect(requests).toHaveLength(1);
		await answer(0);
		expect(called).toEqual([0]);
		// Over: the next submit goes through.
		form.querySelector('input')!.value = '3';
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(2));
	});

	test('prevent: a submission is under way from the submit event, while an async submit function runs', async () => {
		const validating = deferred();
		const submits = vi.fn(() => validating.promise);
		const { requests, submit, answer } = setup({ use: [repeat('prevent')] }, submits);
		const first = submit(0);
		await submit(1, false); // a double click during validation
		expect(submits).toHaveBeenCalledOnce();
		validating.resolve();
		await first;
		await answer(0);
		expect(requests).toHaveLength(1);
	});

	test('action.update() switches the policy for the next submits', async () => {
		const { action, requests, submit } = setup({ use: [repeat('prevent')] });
		await submit(0);
		await submit(1, false);
		action.update({ use: [] });
		await submit(2);
		expect(requests).toHaveLength(2);
	});
});

describe('development errors in the options', () => {
	test('a repeat that is not a policy', () => {
		expect(() => repeat('sometimes' as RepeatPolicy)).toThrow(
			"repeat() takes 'abort' or 'prevent', not \"sometimes\" (leave the plug out to allow every submission)."
		);
	});

	test('a plug factory passed uncalled says to call it', () => {
		expect(() => enhanced(FORM, { use: [focusInvalid] } as unknown as EnhanceOptions)).toThrow(
			"use:enhance's `use` takes a list of plugs, such as [repeat('abort'), timeout(5_000)] (call a plug factory: `submission()`, not `submission`)."
		);
	});

	test("0.1's options beyond SvelteKit say they are plugs now", () => {
		expect(() => enhanced(FORM, { repeat: 'abort', submission: submission() } as unknown as EnhanceOptions)).toThrow(
			"use:enhance takes { submit, fetch, use }, not `repeat`, `submission`: what goes beyond SvelteKit's enhance is a plug listed in `use`"
		);
	});

	test('a timeout that is not a number of milliseconds', () => {
		expect(() => timeout(-5)).toThrow(/timeout\(\) takes milliseconds, between 1 and 2147483647 \(not -5\)/);
		expect(() => timeout('500' as unknown as number)).toThrow(/not of type string/);
	});

	test('action.update() checks the new options too', () => {
		const { action } = enhanced(FORM);
		expect(() => action.update({ timeout: 5 } as unknown as EnhanceOptions)).toThrow(/not `timeout`: what goes beyond SvelteKit's enhance is a plug/);
	});
});

test('abort: an older submission whose submit function finishes after a newer one sent is superseded, not sent', async () => {
	const slow = deferred();
	const controllers: AbortController[] = [];
	const { called, requests, ends, submit } = setup({ use: [repeat('abort')] }, async ({ controller, formData }) => {
		controllers.push(controller);
		if (formData.get('n') === '0') await slow.promise;
	});
	await submit(0, false);
	await submit(1);
	slow.resolve();
	await until(() => expect(controllers[0].signal.aborted).toBe(true));
	expect(controllers[1].signal.aborted).toBe(false);
	// The only request is submission 1's.
	expect(requests).toHaveLength(1);
	expect((await requests[0].body).get('n')).toBe('1');
	requests[0].answer(answerFor(1));
	await until(() => expect(ends).toEqual([[1, 1]]));
	expect(called).toEqual([1]);
	expect(page.form).toEqual({ n: 1 });
});

describe('plugs', () => {
	test("an end that takes time holds the plugs listed after it: a minimum pending time keeps submission() submitting", async () => {
		const { handler, requests } = heldEndpoint('/save');
		server.use(handler);
		const save = submission();
		const minimum = deferred();
		const minimumPending: Plug = { start: () => () => minimum.promise };
		const { form } = enhanced(FORM, { use: [minimumPending, save] });
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		requests[0].answer(answerFor(0));
		await until(() => expect(page.form).toEqual({ n: 0 }));
		await vi.advanceTimersByTimeAsync(0);
		expect(save.submitting).toBe(true);
		minimum.resolve();
		await until(() => expect(save.submitting).toBe(false));
	});

	test("a plug's submit hook hears how many earlier submissions of the form go, and may drop one", async () => {
		const { handler, requests } = heldEndpoint('/save');
		server.use(handler);
		const heard: number[] = [];
		const counter: Plug = { submit: (_, going) => void heard.push(going) };
		const { form } = enhanced(FORM, { use: [counter] });
		form.requestSubmit();
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(2));
		expect(heard).toEqual([0, 1]);
		requests[0].answer(answerFor(0));
		requests[1].answer(answerFor(1));
		await until(() => expect(page.form).toEqual({ n: 1 }));
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(3));
		expect(heard).toEqual([0, 1, 0]);
	});

	test("a plug's fetch sends the form's requests; the form's own fetch option wins over it", async () => {
		const sent: string[] = [];
		const answer = () => Promise.resolve(actionResponse(answerFor(7)));
		const viaPlug: Plug = { fetch: () => (sent.push('plug'), answer()) };
		const { form, action } = enhanced(FORM, { use: [viaPlug] });
		form.requestSubmit();
		await until(() => expect(sent).toEqual(['plug']));
		action.update({ use: [viaPlug], fetch: () => (sent.push('form'), answer()) });
		form.requestSubmit();
		await until(() => expect(sent).toEqual(['plug', 'form']));
	});
});

test('a submission keeps the plugs it was submitted with: options changed meanwhile apply to the next submits', async () => {
	const { handler, requests } = heldEndpoint('/save');
	server.use(handler);
	const ended: string[] = [];
	const named = (name: string): Plug => ({ start: () => () => void ended.push(name) });
	const validating = deferred();
	const { form, action } = enhanced(FORM, { use: [named('first')], submit: () => validating.promise });
	form.requestSubmit();
	// New options while the submit function runs: this submission still starts and ends its own plugs.
	action.update({ use: [named('second')] });
	validating.resolve();
	await until(() => expect(requests).toHaveLength(1));
	requests[0].answer(answerFor(0));
	await until(() => expect(ended).toEqual(['first']));
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(2));
	requests[1].answer(answerFor(1));
	await until(() => expect(ended).toEqual(['first', 'second']));
});
