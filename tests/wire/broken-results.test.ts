import { cleanup } from '@testing-library/svelte';
import * as devalue from 'devalue';
import fc from 'fast-check';
import { http } from 'msw';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { configure, deserialize, page, submission } from '../../src/lib/index.js';
import type { ActionResult } from '../../src/lib/index.js';
import { resetAll } from '../../src/lib/testing/reset.js';
import { alertText, expectTyped, mountTyped, settle, typed, watchRejections } from '../helpers/reliability.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

/**
 * Family 4 of the reliability issue: result shapes that pass `deserialize` and break later.
 * Bodies drawn from a grammar of the wire format (every field present or not, well-formed or
 * of any JSON type, with the hostile values that broke: a message whose `String()` throws,
 * `"error": null`, `location`s like `"https:"` that parse against one base only) go through
 * `use:enhance`: either `deserialize` refuses the body (an `error` result says so), or what it
 * accepts is applied; the form ends idle, nothing rejects unhandled, an error is shown as plain
 * text, and only a success resets what was typed.
 */

const rejections = watchRejections();

const json = fc.jsonValue({ maxDepth: 2 });
/** Objects that break naive rendering: `String()` of them throws, or their message is no text. */
const hostile = fc.constantFrom<unknown>({ toString: 1 }, { toString: 1, valueOf: 1 }, { message: { toString: 1 } }, { message: null }, [], {});
const message = fc.oneof(fc.string(), json, hostile);
const error = fc.oneof(fc.constant(null), fc.string(), json, hostile, fc.record({ message }), fc.record({ message, status: json }));
const locations = fc.oneof(
	{ arbitrary: fc.constantFrom('http:', 'https:', 'https:x', '/elsewhere', '/save', '?/other', '//other.example/x', 'http://[::1', '', '#top', 'javascript:alert(1)', 'https://elsewhere.example/'), weight: 4 },
	fc.webUrl(),
	fc.string(),
	json
);
const status = fc.oneof({ arbitrary: fc.integer({ min: 100, max: 599 }), weight: 4 }, fc.double(), fc.string(), json);
// devalue refuses to write `__proto__` keys (the prototype-pollution tests cover reading them).
const devalued = json.filter((value) => !JSON.stringify(value).includes('"__proto__"')).map((value) => devalue.stringify(value));
const data = fc.oneof({ arbitrary: devalued, weight: 4 }, fc.string(), json);
const type = fc.oneof({ arbitrary: fc.constantFrom('success', 'failure', 'redirect', 'error'), weight: 8 }, fc.string(), json);
const body = fc.record({ type, status, location: locations, error, data }, { requiredKeys: [] });

/** The text a person must see for an error: its string message, the string itself, or generic words. */
function shownText(value: unknown): string {
	const text = (value as { message?: unknown } | null)?.message;
	if (typeof text === 'string') return text;
	return typeof value === 'string' ? value : 'Internal Error';
}

let assign: ReturnType<typeof vi.fn>;
beforeEach(() => {
	history.replaceState(null, '', '/save');
	// jsdom cannot navigate: a redirect to another origin is observed instead.
	assign = vi.fn();
	vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location);
});
afterEach(() => history.replaceState(null, '', '/'));

/** Submits the typed form once, answered with `text` and HTTP `httpStatus`; returns what the callback got. */
async function submitAnswered(text: string, httpStatus = 200, goto = vi.fn()) {
	resetAll();
	cleanup();
	configure({ goto, invalidateAll: vi.fn() });
	server.use(http.post('*/save', () => new Response(text, { status: httpStatus, headers: { 'content-type': 'application/json' } })));
	const state = submission();
	const results: ActionResult[] = [];
	const { form } = mountTyped({
		use: [state],
		submit: () => async ({ result, update }) => {
			results.push(result);
			await update();
		}
	});
	form.requestSubmit();
	await until(() => expect(results).toHaveLength(1));
	await until(() => expect(state.submitting).toBe(false));
	await settle();
	return { form, result: results[0] };
}

test('a body deserialize accepts is applied whole; any other is one error result; either way nothing breaks', async () => {
	await fc.assert(
		fc.asyncProperty(body, fc.constantFrom(200, 400, 500), async (shape, httpStatus) => {
			rejections.length = 0;
			assign.mockClear();
			const goto = vi.fn();
			const text = JSON.stringify(shape);
			let accepted: ActionResult | undefined;
			try {
				accepted = deserialize(text);
			} catch (refusal) {
				expect((refusal as Error).message).toMatch(/^Not an action result: /);
			}

			const { form, result } = await submitAnswered(text, httpStatus, goto);
			expect(rejections).toEqual([]);
			if (!accepted) {
				expect(result).toMatchObject({ type: 'error', status: httpStatus, error: { message: expect.stringContaining('Not an action result: ') } });
			} else {
				expect(result).toEqual(accepted.type === 'error' ? { ...accepted, status: httpStatus } : accepted);
			}

			if (page.error !== null) {
				// Shown as plain text, whatever its shape.
				expect(alertText()).toBe(shownText(page.error));
				expect(document.querySelector('[role=alert] p')!.children).toHaveLength(0);
			}
			if (result.type === 'error') expect(page.error).toBe(result.error);
			if (result.type === 'redirect') expect(goto.mock.calls.length + assign.mock.calls.length + (page.error === null ? 0 : 1)).toBe(1);
			if (result.type === 'success' || result.type === 'failure') {
				expect(page.error).toBeNull();
				// Applied unless its SvelteKit 3 `location` names another page.
				if (page.form !== null || result.data != null) expect([result.data, null]).toContainEqual(page.form);
			}
			if (result.type === 'success') expect(typed(form)).toEqual({ title: '', notes: '', agree: false });
			else expectTyped(form);
		}),
		{ numRuns: 150 }
	);
	// Each run mounts a form and submits it: a generous limit for a busy machine, not a timing check.
}, 60_000);

test("an error whose message is not a string is shown with safe text, not a crashed boundary", async () => {
	await submitAnswered('{"type":"error","error":{"message":{"toString":1}}}', 500);
	expect(page.error).toEqual({ message: { toString: 1 } });
	expect(alertText()).toBe('Internal Error');
	await submitAnswered('{"type":"error","error":{"toString":1,"valueOf":1}}', 500);
	expect(alertText()).toBe('Internal Error');
	expect(rejections).toEqual([]);
});

test('"error": null is refused, so the error still shows', async () => {
	const { result } = await submitAnswered('{"type":"error","error":null}', 500);
	expect(result).toMatchObject({ type: 'error', status: 500, error: { message: expect.stringContaining('an error without "error"') } });
	expect(alertText()).toBe((result as { error: Error }).error.message);
});

test('a SvelteKit 3 location that parses against one base only ("http:" on an https page) is refused, not thrown later', async () => {
	// The page as an https app sees it: "http:" is no URL against it (against an http page it is that page).
	const https = new URL('https://app.example/save');
	vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, href: https.href, origin: https.origin, protocol: 'https:', assign } as Location);
	const { result, form } = await submitAnswered('{"type":"failure","status":400,"location":"http:","data":"[{\\"x\\":1},2]"}');
	expect(result).toMatchObject({ type: 'error', error: { message: expect.stringContaining('"location" is not a URL') } });
	expect(alertText()).toBe((result as { error: Error }).error.message);
	expectTyped(form);
	expect(rejections).toEqual([]);
});
