import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, page, repeat, submission, timeout } from '../../src/lib/index.js';
import type { ActionResult, EnhanceOptions } from '../../src/lib/index.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { alertText, expectTyped, mountTyped, settle, watchRejections } from '../helpers/reliability.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

/**
 * Family 1 of the reliability issue: a response that never finishes. However the request stalls
 * (no answer at all, or a body that stops half-way) and whoever sends it (MSW, the documented
 * test setup, or an app's `fetch` that drops its signal), the submission's signal ends it: a
 * timeout with an `error` result, `controller.abort()` silently. Every case of the product is
 * run (exhaustive rather than random: it is small).
 */

const rejections = watchRejections();

/** A JSON body that sends its first half and then nothing, forever. */
function stalledBody() {
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('{"type":"success","status":2'));
		}
	});
}

const ANSWER: ActionResult = { type: 'success', status: 200, data: { saved: true } };

/** Where the request stalls, and who sends it; `stalling` off, the same path answers normally. */
const transports = {
	'MSW, no answer': { msw: () => new Promise<Response>(() => {}) },
	'MSW, body stalls half-way': {
		msw: () => new HttpResponse(stalledBody(), { headers: { 'content-type': 'application/json' } })
	},
	'a fetch that ignores its signal, no answer': { fetch: () => new Promise<Response>(() => {}) },
	'a fetch that ignores its signal, body stalls half-way': {
		fetch: async () => new Response(stalledBody(), { headers: { 'content-type': 'application/json' } })
	}
} satisfies Record<string, { msw?: () => Response | Promise<Response>; fetch?: () => Promise<Response> }>;

const enders = ['timeout', 'controller.abort()'] as const;

beforeEach(() => {
	history.replaceState(null, '', '/save');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
	vi.useRealTimers();
	history.replaceState(null, '', '/');
});

describe('a stalled response ends with its submission: the form is idle, keeps what was typed, and submits again', () => {
	for (const [name, transport] of Object.entries(transports)) {
		for (const ender of enders) {
			test(`${name}, ended by ${ender}`, async () => {
				let stalling = true;
				let started = 0;
				const answer = () => actionResponse(ANSWER);
				if ('msw' in transport) {
					server.use(
						http.post('/save', () => {
							started++;
							return stalling ? transport.msw() : answer();
						})
					);
				}
				const state = submission();
				const results: ActionResult[] = [];
				const controllers: AbortController[] = [];
				const options: EnhanceOptions = {
					// `prevent`: a stuck submission would lock the form for good.
					use: [repeat('prevent'), ...(ender === 'timeout' ? [timeout(1000)] : []), state],
					submit: ({ controller }) => {
						controllers.push(controller);
						return async ({ result, update }) => {
							results.push(result);
							await update();
						};
					}
				};
				if ('fetch' in transport) {
					options.fetch = async () => {
						started++;
						return stalling ? transport.fetch() : answer();
					};
				}
				const { form } = mountTyped(options);

				form.requestSubmit();
				await until(() => expect(started).toBe(1));
				expect(state.submitting).toBe(true);
				if (ender === 'timeout') await vi.advanceTimersByTimeAsync(1000);
				else controllers[0].abort();

				await until(() => expect(state.submitting).toBe(false));
				if (ender === 'timeout') {
					expect(results).toHaveLength(1);
					expect(results[0]).toMatchObject({ type: 'error', error: { message: 'POST /save?/save timed out after 1000 ms' } });
					expect(page.error).toBe((results[0] as { error: unknown }).error);
					expect(alertText()).toBe('POST /save?/save timed out after 1000 ms');
				} else {
					// An abort ends silently: no callback, nothing applied.
					expect(results).toEqual([]);
					expect(page).toMatchObject({ form: null, error: null, status: 200 });
					expect(alertText()).toBeNull();
				}
				expectTyped(form);
				await settle();
				expect(rejections).toEqual([]);

				// The form is not locked: the next submit is sent and its answer applied.
				stalling = false;
				form.requestSubmit();
				await until(() => expect(page.form).toEqual({ saved: true }));
				expect(started).toBe(2);
				await until(() => expect(state.submitting).toBe(false));
			});
		}
	}
});

test("repeat('abort') ends a stalled request for good: the newer submission's answer stands", async () => {
	let started = 0;
	const state = submission();
	const results: ActionResult[] = [];
	const { form } = mountTyped({
		use: [repeat('abort'), state],
		// The first request never answers and ignores its signal; the second answers.
		fetch: () => (++started === 1 ? new Promise<Response>(() => {}) : Promise.resolve(actionResponse(ANSWER))),
		submit: () => async ({ result, update }) => {
			results.push(result);
			await update({ reset: false });
		}
	});
	form.requestSubmit();
	await until(() => expect(started).toBe(1));
	form.requestSubmit();
	await until(() => expect(state.submitting).toBe(false));
	expect(results).toEqual([ANSWER]);
	expect(page.form).toEqual({ saved: true });
	expectTyped(form);
	await settle();
	expect(rejections).toEqual([]);
});
