import { cleanup, render } from '@testing-library/svelte';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { configure, page, submission } from '../../src/lib/index.js';
import type { ActionResult, EnhanceOptions } from '../../src/lib/index.js';
import { resetAll } from '../../src/lib/testing/reset.js';
import ReliableForm from '../fixtures/ReliableForm.svelte';
import { deferred } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { alertText, expectTyped, mountTyped, settle, typed, watchRejections } from '../helpers/reliability.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

/**
 * Family 5 of the reliability issue: ordering at the edges. `applyAction` waits a tick between
 * clearing `page.form` and writing the new data (as SvelteKit does); the tick is held here, so a
 * newer result can be taken or applied exactly while an older one waits in it. The newest
 * result must stand: the older writes no data and takes no focus. And a form destroyed while
 * its submit function runs shows no submission starting.
 */

const gate = vi.hoisted(() => ({ held: undefined as Promise<void> | undefined, ticks: 0 }));
vi.mock('svelte', async (importOriginal) => {
	const svelte = await importOriginal<typeof import('svelte')>();
	return {
		...svelte,
		tick: async () => {
			gate.ticks++;
			await gate.held;
			return svelte.tick();
		}
	};
});

const rejections = watchRejections();

beforeEach(() => {
	history.replaceState(null, '', '/save');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	gate.held = undefined;
	gate.ticks = 0;
});
afterEach(() => history.replaceState(null, '', '/'));

/** Holds every tick until the returned function is called. */
function holdTicks() {
	const release = deferred();
	gate.held = release.promise;
	return () => {
		gate.held = undefined;
		release.resolve();
	};
}

function setup(options: EnhanceOptions = {}) {
	const { handler, requests } = heldEndpoint('/save');
	server.use(handler);
	const state = submission();
	const { form } = mountTyped({ ...options, use: [...(options.use ?? []), state] });
	return { form, state, requests };
}

const success = (n: number): ActionResult => ({ type: 'success', status: 200, data: { n } });
const failure = (n: number): ActionResult => ({ type: 'failure', status: 400, data: { n } });
const error = (n: number): ActionResult => ({ type: 'error', status: 500, error: { message: `Error #${n}` } });

test('an older success waiting inside applyAction writes nothing after a newer error was applied', async () => {
	const { form, state, requests } = setup();
	form.requestSubmit();
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(2));
	const release = holdTicks();

	requests[0].answer(success(1));
	await until(() => expect(gate.ticks).toBe(1));
	requests[1].answer(error(2));
	await until(() => expect(alertText()).toBe('Error #2'));
	const alert = document.querySelector('[role=alert]');
	await until(() => expect(document.activeElement).toBe(alert));

	release();
	await until(() => expect(state.submitting).toBe(false));
	await settle();
	expect(page.error).toEqual({ message: 'Error #2' });
	expect(page.form).toBeNull();
	expect(document.activeElement).toBe(alert);
	expect(rejections).toEqual([]);
});

test('an older success waiting inside applyAction writes nothing once a newer result was taken (its callback still busy)', async () => {
	const busy = deferred();
	let calls = 0;
	const { form, state, requests } = setup({
		submit: () => async ({ update }) => {
			// The second submission's callback takes its time before applying its error.
			if (++calls === 2) await busy.promise;
			await update();
		}
	});
	// The user is still in the title field.
	const title = form.querySelector<HTMLInputElement>('[name=title]')!;
	title.focus();
	form.requestSubmit();
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(2));
	const release = holdTicks();

	requests[0].answer(success(1));
	await until(() => expect(gate.ticks).toBe(1));
	requests[1].answer(error(2));
	await until(() => expect(calls).toBe(2));
	release();
	await settle();
	// The older success stopped: no data, no focus taken, and the form was not reset twice over.
	expect(page.form).toBeNull();
	expect(document.activeElement).toBe(title);

	busy.resolve();
	await until(() => expect(state.submitting).toBe(false));
	expect(page.error).toEqual({ message: 'Error #2' });
	expect(page.form).toBeNull();
	expect(rejections).toEqual([]);
});

test('a form destroyed while its async submit function runs never shows a submission starting', async () => {
	const { handler, requests } = heldEndpoint('/save');
	server.use(handler);
	const state = submission();
	const ready = deferred();
	const { unmount } = render(ReliableForm, {
		options: {
			use: [state],
			submit: async () => {
				await ready.promise;
			}
		}
	});
	const form = document.querySelector('form')!;
	form.requestSubmit();
	unmount();
	ready.resolve();
	// The request still goes (as requests under way do), but the destroyed form's state stays idle.
	await until(() => expect(requests).toHaveLength(1));
	expect(state.submitting).toBe(false);
	requests[0].answer(success(1));
	await settle();
	await settle();
	expect(state.submitting).toBe(false);
	expect(state.result).toBeNull();
	expect(page.form).toBeNull();
	expect(rejections).toEqual([]);
});

test('whatever order answers arrive in, and however long applying takes, the newest submission\'s result stands', async () => {
	const kinds = { success, failure, error };
	await fc.assert(
		fc.asyncProperty(
			fc.array(fc.constantFrom('success', 'failure', 'error') as fc.Arbitrary<keyof typeof kinds>, { minLength: 2, maxLength: 4 }).chain((types) =>
				fc.record({ types: fc.constant(types), order: fc.shuffledSubarray([...types.keys()], { minLength: types.length }), held: fc.boolean() })
			),
			async ({ types, order, held }) => {
				resetAll();
				cleanup();
				history.replaceState(null, '', '/save');
				configure({ goto: vi.fn(), invalidateAll: vi.fn() });
				rejections.length = 0;
				const { form, state, requests } = setup();
				for (const _ of types) form.requestSubmit();
				await until(() => expect(requests).toHaveLength(types.length));
				const release = held ? holdTicks() : () => {};
				for (const i of order) {
					requests[i].answer(kinds[types[i]](i + 1));
					await settle();
				}
				release();
				await until(() => expect(state.submitting).toBe(false));
				await settle();

				const newest = types.length;
				const type = types[newest - 1];
				if (type === 'error') {
					expect(page.error).toEqual({ message: `Error #${newest}` });
					// An error leaves `page.form` as it was; with applying held, no older data got written.
					if (held) expect(page.form).toBeNull();
					expect(document.activeElement).toBe(document.querySelector('[role=alert]'));
				} else {
					expect(page.error).toBeNull();
					expect(page.form).toEqual({ n: newest });
					expect(alertText()).toBeNull();
				}
				expect(state.result).toEqual(kinds[type](newest));
				// A success resets the form only when its result is taken: answered before any newer
				// submission's result. A stale one (older than a result already taken) resets nothing.
				let taken = 0;
				let reset = false;
				for (const i of order) {
					if (i + 1 < taken) continue;
					taken = i + 1;
					reset ||= types[i] === 'success';
				}
				if (reset) expect(typed(form).title).toBe('');
				else expectTyped(form);
				expect(rejections).toEqual([]);
			}
		),
		{ numRuns: 25 }
	);
	// Each run mounts a form and plays up to four submissions: a generous limit, not a timing check.
}, 60_000);

test('a submission started inside another submission\'s callback leaves no form submitting, whichever answers first', async () => {
	for (const innerFirst of [true, false]) {
		resetAll();
		cleanup();
		history.replaceState(null, '', '/save');
		configure({ goto: vi.fn(), invalidateAll: vi.fn() });
		let calls = 0;
		const inner = deferred();
		const { form, state, requests } = setup({
			submit: () => async ({ update }) => {
				// The first callback submits the form again (a "save and continue"), then applies its own result.
				if (++calls === 1) {
					form.requestSubmit();
					await inner.promise;
				}
				await update();
			}
		});
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		requests[0].answer(success(1));
		await until(() => expect(requests).toHaveLength(2));
		if (innerFirst) {
			requests[1].answer(failure(2));
			await until(() => expect(calls).toBe(2));
			inner.resolve();
		} else {
			inner.resolve();
			await settle();
			requests[1].answer(failure(2));
		}
		await until(() => expect(state.submitting).toBe(false));
		await settle();
		expect(state.submitting).toBe(false);
		expect(state.result).toEqual(failure(2));
		expect(page.form).toEqual({ n: 2 });
		expect(rejections).toEqual([]);
	}
});
