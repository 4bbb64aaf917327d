import { cleanup } from '@testing-library/svelte';
import * as devalue from 'devalue';
import fc from 'fast-check';
import { http } from 'msw';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { configure, page, repeat, submission } from '../../src/lib/index.js';
import type { ActionResult, EnhanceOptions, Plug } from '../../src/lib/index.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { resetAll } from '../../src/lib/testing/reset.js';
import { alertText, expectTyped, mountTyped, settle, typed, watchRejections } from '../helpers/reliability.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

/**
 * Family 2 of the reliability issue: app code that throws or rejects. Every function an app
 * hands us, at every point of a submission, throwing any value (an `Error`, a string, `null`,
 * `undefined`, a number, an object whose `String()` throws), synchronously or as a rejection:
 * the submission ends (the form is idle and submits again), nothing rejects unhandled, the error
 * reaches the app (`page.error` and the root boundary, with safe text), and what was typed is
 * kept (the one success path resets, as designed).
 */

const rejections = watchRejections();

class Thing {}

/** What each app function throws, and how the first answer looks for that row. */
const rows = {
	'the submit function': { how: ['throws', 'rejects'], answer: 'failure', sent: false },
	"an observer's start": { how: ['throws'], answer: 'failure', sent: false },
	"an observer's end": { how: ['throws', 'rejects'], answer: 'failure', sent: true },
	'the callback': { how: ['throws', 'rejects'], answer: 'failure', sent: true },
	'fetch': { how: ['throws', 'rejects'], answer: 'failure', sent: false },
	'invalidateAll': { how: ['throws', 'rejects'], answer: 'success', sent: true },
	'goto': { how: ['throws', 'rejects'], answer: 'redirect', sent: true },
	'isCurrentPage': { how: ['throws'], answer: 'failure', sent: true },
	'a transport decoder': { how: ['throws'], answer: 'thing', sent: true }
} as const;
type Row = keyof typeof rows;

const thrownValues: [string, () => unknown][] = [
	['an Error', () => new Error('Broken <b>app</b> code')],
	['a string', () => 'broken & stringy'],
	['null', () => null],
	['undefined', () => undefined],
	['a number', () => 42],
	['an object whose String() throws', () => ({ toString: 1 })],
	['an Error-like object with a message that is no string', () => ({ message: { toString: 1 } })]
];

/** The text a person must see for `value`: its string message, the string itself, or generic words. */
function shownText(value: unknown): string {
	const message = (value as { message?: unknown } | null | undefined)?.message;
	if (typeof message === 'string') return message;
	if (typeof value === 'string') return value;
	return value == null ? `App code threw ${value}` : 'Internal Error';
}

function answerFor(kind: (typeof rows)[Row]['answer']): Response {
	if (kind === 'thing') {
		const data = devalue.stringify({ thing: new Thing() }, { Thing: (value) => value instanceof Thing && 1 });
		return new Response(JSON.stringify({ type: 'success', status: 200, data }), { headers: { 'content-type': 'application/json' } });
	}
	const results: Record<string, ActionResult> = {
		failure: { type: 'failure', status: 400, data: { message: 'Check the title' } },
		success: { type: 'success', status: 200, data: { saved: true } },
		redirect: { type: 'redirect', status: 303, location: '/elsewhere' }
	};
	return actionResponse(results[kind]);
}

beforeEach(() => history.replaceState(null, '', '/save'));
afterEach(() => history.replaceState(null, '', '/'));

test('app code that throws or rejects anywhere ends the submission with its error shown; nothing is stuck or lost', async () => {
	const arbitrary = fc
		.constantFrom(...(Object.keys(rows) as Row[]))
		.chain((row) =>
			fc.record({ row: fc.constant(row), how: fc.constantFrom(...rows[row].how), value: fc.constantFrom(...thrownValues) })
		);
	await fc.assert(
		fc.asyncProperty(arbitrary, async ({ row, how, value: [, make] }) => {
			resetAll();
			cleanup();
			history.replaceState(null, '', '/save');
			rejections.length = 0;
			const value = make();
			/** While armed, the row's app function breaks; disarmed, it works as usual. */
			let armed = true;
			const app = <T>(name: Row, works: () => T) => (): T => {
				if (!armed || name !== row) return works();
				if (how === 'throws') throw value;
				return Promise.reject(value) as T;
			};

			let requests = 0;
			server.use(
				http.post('/save', () => {
					requests++;
					return armed ? answerFor(rows[row].answer) : actionResponse({ type: 'failure', status: 400, data: { again: true } });
				})
			);
			configure({
				invalidateAll: app('invalidateAll', () => {}),
				goto: app('goto', () => {}),
				isCurrentPage: (url) => app('isCurrentPage', () => url.pathname === location.pathname)(),
				transport: { Thing: { encode: (v) => v instanceof Thing && 1, decode: (v) => app('a transport decoder', () => v)() } }
			});
			const state = submission();
			const observer: Plug = {
				start: (input) => {
					app("an observer's start", () => {})();
					return () => app("an observer's end", () => {})();
				}
			};
			const options: EnhanceOptions = {
				use: [repeat('prevent'), state, observer],
				fetch: (input, init) => app('fetch', () => fetch(input, init))(),
				submit: async () => {
					await app('the submit function', () => {})();
					return async ({ update }) => {
						await app('the callback', () => {})();
						await update();
					};
				}
			};
			const { form } = mountTyped(options);
			form.requestSubmit();

			await until(() => expect(page.error).not.toBeNull());
			await until(() => expect(state.submitting).toBe(false));
			await settle();
			expect(rejections).toEqual([]);
			expect(requests).toBe(rows[row].sent ? 1 : 0);

			// The error reaches the app, as it was thrown (wrapped where the library reports it).
			if (row === 'fetch') {
				expect(page.error.message).toBe(`POST /save?/save failed: ${value == null ? 'Internal Error' : shownText(value)}`);
			} else if (row === 'a transport decoder') {
				expect(page.error.message).toMatch(/^POST \/save\?\/save answered HTTP 200: Not an action result: "data" is not valid devalue output/);
			} else if (value == null) {
				expect(page.error).toBeInstanceOf(Error);
			} else {
				expect(page.error).toBe(value);
			}
			expect(alertText()).toBe(row === 'fetch' || row === 'a transport decoder' ? page.error.message : shownText(value));
			// Observers start after the submit function and hear of every later error; an observer's
			// own end breaking comes after `submission()` heard the answer; a failed `goto` is applied
			// as an error by `applyAction`, as a refused redirect is, so the result was the redirect.
			if (row === 'the submit function') expect(state.result).toBeNull();
			else if (row === "an observer's end") expect(state.result).toMatchObject({ type: 'failure' });
			else if (row === 'goto') expect(state.result).toMatchObject({ type: 'redirect' });
			else expect(state.result).toMatchObject({ type: 'error', error: page.error });

			// What was typed is kept (only a success resets the form, before invalidateAll runs).
			if (row === 'invalidateAll') expect(typed(form)).toEqual({ title: '', notes: '', agree: false });
			else expectTyped(form);

			// The form is not stuck (`repeat('prevent')` would ignore it otherwise): it submits again.
			armed = false;
			form.requestSubmit();
			await until(() => expect(page.form).toEqual({ again: true }));
			await until(() => expect(state.submitting).toBe(false));
			expect(requests).toBe(rows[row].sent ? 2 : 1);
			await settle();
			expect(rejections).toEqual([]);
		}),
		{
			numRuns: 60,
			// Every row and way of breaking at least once, with each thrown value in turn.
			examples: (Object.keys(rows) as Row[])
				.flatMap((row) => rows[row].how.map((how) => ({ row, how })))
				.map(({ row, how }, i) => [{ row, how, value: thrownValues[i % thrownValues.length] }])
		}
	);
	// Each run mounts a form and submits it: a generous limit for a busy machine, not a timing check.
}, 60_000);

test("the issue's example: an observer whose start throws leaves no submission() submitting", async () => {
	vi.spyOn(console, 'error').mockImplementation(() => {});
	let requests = 0;
	server.use(http.post('/save', () => (requests++, actionResponse({ type: 'failure', status: 400 }))));
	const state = submission();
	const broken = new Error('Observer broke');
	const { form } = mountTyped({
		use: [
			state,
			{
				start() {
					throw broken;
				}
			}
		]
	});
	form.requestSubmit();
	await until(() => expect(page.error).toBe(broken));
	expect(state.submitting).toBe(false);
	expect(state.result).toEqual({ type: 'error', error: broken });
	expect(requests).toBe(0);
	expect(alertText()).toBe('Observer broke');
	expectTyped(form);
});
