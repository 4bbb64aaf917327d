import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyAction, configure, deserialize, page, timeout } from '../../src/lib/index.js';
import type { ActionResult } from '../../src/lib/index.js';
import { target } from '../../src/lib/result/target.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { reports } from '../helpers/reports.js';
import { server } from '../setup/msw.js';

/**
 * Family 6 of the reliability issue: the promises SECURITY.md makes, held to their letter.
 * Script URLs however many times and however they are encoded (percent-escapes at any depth,
 * character references including double-encoded `&amp;`, mixed); messages that never quote
 * more than 80 characters of what the server sent, whatever the server sends (a 100,000-character
 * scheme included); and the development check of `timeout`, which only numbers pass.
 */

beforeEach(() => history.replaceState(null, '', '/login'));
afterEach(() => history.replaceState(null, '', '/'));

/** One layer of encoding, as a template (references) or a router or proxy (escapes) applies it. */
const layer = fc.constantFrom<['escape' | 'reference', (c: string) => string]>(
	['escape', (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`],
	['escape', (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`],
	['reference', (c) => `&#${c.charCodeAt(0)};`],
	['reference', (c) => `&#x000${c.charCodeAt(0).toString(16)};`],
	['reference', (c) => ({ ':': '&colon;', '&': '&amp;', '%': '&percnt;', '#': '&num;', '\t': '&Tab;' })[c] ?? `&#${c.charCodeAt(0)};`]
);

/** Encodes the characters of `text` that `picks` selects (cycling) with `encode`. */
function encodeSome(text: string, encode: (c: string) => string, picks: boolean[]) {
	return [...text].map((c, i) => (picks[i % picks.length] ? encode(c) : c)).join('');
}

/**
 * The oracle: what a browser makes of the text when the layers are decoded in the reverse order
 * they were applied, each by the decoder that undoes it (an HTML attribute's character
 * references, a router's `decodeURIComponent`-like unescaping).
 */
function decodeLayer(kind: 'escape' | 'reference', text: string) {
	if (kind === 'escape') return text.replace(/%[\da-f]{2}/gi, (t) => String.fromCharCode(parseInt(t.slice(1), 16)));
	const names: Record<string, string> = { colon: ':', amp: '&', percnt: '%', num: '#', Tab: '\t', NewLine: '\n' };
	return text.replace(/&#(?:x([\da-f]+)|(\d+));?|&(colon|amp|percnt|num|Tab|NewLine);/gi, (token, hex, decimal, name) =>
		name ? names[name] : String.fromCodePoint(Math.min(hex ? parseInt(hex, 16) : parseInt(decimal, 10), 0xfffd))
	);
}

describe('a script URL is refused however deeply and however it is encoded', () => {
	test('random layers of percent-escapes and character references, 1 to 5 deep, in any order (each layer multiplies the length)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('javascript:', 'JavaScript:', 'data:', 'vbscript:', 'java\tscript:'),
				fc.array(fc.tuple(layer, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 5 }),
				(scheme, layers) => {
					let text: string = scheme;
					for (const [[, encode], picks] of layers) text = encodeSome(text, encode, picks);
					let decoded = text;
					for (const [[kind]] of [...layers].reverse()) decoded = decodeLayer(kind, decoded);
					// Only spellings that really turn back into the script URL (some layerings do not).
					fc.pre(/^(javascript|data|vbscript):/.test(decoded.replace(/[\0-\x20]/g, '').toLowerCase()));
					const location = `${text}alert(document.cookie)//x`;
					expect(() => target(location)).toThrow(/^Refused to navigate to (javascript:|data:|vbscript:|an over-encoded) URL/);
				}
			),
			{ numRuns: 300 }
		);
		// Some runs build long spellings: a generous limit for a busy machine, not a timing check.
	}, 60_000);

	test.each([
		['a reference whose digits were escaped afterwards', '&#1%306;avascript:alert(1)'],
		['a reference without semicolon before an escaped hex digit', '&#x6a%61vascript:alert(1)'],
		['double-encoded references', '&amp;#106;avascript:alert(1)'],
		['double-encoded, hex', '&amp;#x6A;avascript:alert(1)'],
		['a double-encoded colon', 'javascript&amp;colon;alert(1)'],
		['triple-encoded', '&amp;amp;#106;avascript:alert(1)'],
		['a percent sign as a reference', 'javascript&percnt;3Aalert(1)'],
		['a number sign as a reference', '&&num;106;avascript:alert(1)'],
		['a reference inside percent-escapes', '%26amp%3B%23106%3Bavascript:alert(1)'],
		// A later layer encoded the semicolon: an HTML attribute would take `&amp` or `&#x6a` early
		// (`&;#106;…`, `j;avascript:`); a decoder that wants references whole finishes them first.
		['a named reference whose semicolon was encoded afterwards', '&amp&#59;#106;avascript:alert(1)'],
		['a numeric reference whose semicolon was encoded afterwards', '&#x6a&#59;avascript:alert(1)'],
		['both, in one location', '&amp&#59;#106;ava&#115&#59;cript:alert(1)']
	])('%s: %s', (_, location) => {
		expect(() => target(location)).toThrow(/^Refused to navigate to javascript: URL/);
	});

	test.each([9, 10, 20, 63])('%i layers of percent-escapes', (layers) => {
		const location = `javascript%${'25'.repeat(layers - 1)}3Aalert(1)`;
		expect(() => target(location)).toThrow(/^Refused to navigate to javascript: URL/);
	});

	test.each([64, 100, 1000])('%i layers of percent-escapes (past 256 texts to try: refused as over-encoded)', (layers) => {
		expect(() => target(`javascript%${'25'.repeat(layers - 1)}3Aalert(1)`)).toThrow(/^Refused to navigate to (javascript:|an over-encoded) URL/);
	});

	test('a location with over 4,096 characters before its first "/" or "?" is refused as over-encoded', () => {
		expect(() => target(`x${'%25'.repeat(1366)}/`)).toThrow(/^Refused to navigate to an over-encoded URL/);
		expect(target(`x${'%25'.repeat(1365)}/`).pathname).toMatch(/^\/x%25/);
	});

	test('only the scheme position counts: deep encoding after the first "/" or "?" is followed', () => {
		expect(target(`/search?q=javascript%${'25'.repeat(100)}3A`).pathname).toBe('/search');
		expect(target(`/wiki/${'%25'.repeat(100)}`).pathname).toMatch(/^\/wiki\//);
	});
});

describe('messages quote at most 80 characters of what the server sent', () => {
	/** The longest run of `q` in `text`: server text is made of `q`s only, the library's words have none that long. */
	const longestRun = (text: string) => Math.max(0, ...(text.match(/q+/gi) ?? []).map((run) => run.length));

	// No boundary here: each error is reported on `window` too, quoting no more.
	let reported: Error[];
	beforeEach(() => (reported = reports()));

	/** What the library says about each kind of hostile answer, through `use:enhance`. */
	async function messageFor(respond: () => Response): Promise<string> {
		server.use(http.post('/login', respond));
		const done = deferred<ActionResult>();
		const { form } = enhanced('<form method="POST" action="?/login"><input name="email"></form>', () => async ({ result, update }) => {
			await update();
			done.resolve(result);
		});
		form.requestSubmit();
		await done.promise;
		expect(reported.at(-1)?.cause).toBe(page.error);
		expect(longestRun(reported.at(-1)!.message)).toBeLessThanOrEqual(80);
		return String(page.error?.message);
	}

	test('whatever the server sends, wherever the library quotes it', async () => {
		configure({ goto: vi.fn(), allowedOrigins: ['https://allowed.example'] });
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 81, max: 100_000 }),
				fc.constantFrom(
					(q: string) => ({ type: q, status: 200 }),
					(q: string) => ({ type: { q }, status: 200 }),
					(q: string) => ({ type: 'success', status: 200, data: JSON.stringify([[q, 1], 2]) }),
					(q: string) => ({ type: 'success', status: 200, data: `[${q}` }),
					(q: string) => ({ type: 'redirect', status: 303, location: `${q}:alert(1)` }),
					(q: string) => ({ type: 'redirect', status: 303, location: `https://${q}.example/` }),
					(q: string) => ({ type: 'redirect', status: 303, location: `javascript:${q}` }),
					(q: string) => ({ type: 'redirect', status: 303, location: `http://[${q}` }),
					(q: string) => `<${q}`
				),
				async (length, shape) => {
					const body = shape('q'.repeat(length));
					const message = await messageFor(() =>
						typeof body === 'string' ? HttpResponse.text(body) : HttpResponse.json(body)
					);
					expect(message).toMatch(/Not an action result|Refused/);
					expect(longestRun(message)).toBeLessThanOrEqual(80);
				}
			),
			{ numRuns: 40 }
		);
		// Each run mounts a form and submits it: a generous limit for a busy machine, not a timing check.
	}, 60_000);

	test("the issue's example: a 100,000-character scheme", async () => {
		const message = await messageFor(() => HttpResponse.json({ type: 'redirect', status: 303, location: `${'q'.repeat(100_000)}:x` }));
		// Over 4,096 characters before any "/": refused before anything decodes it.
		expect(message).toMatch(/^Refused to navigate to an over-encoded URL "q{80}"/);
		expect(message.length).toBeLessThan(200);
	});

	test('applyAction, called by the app with such a result, says the same', async () => {
		await applyAction({ type: 'redirect', status: 303, location: `${'q'.repeat(100_000)}:x` });
		expect(longestRun(page.error.message)).toBe(80);
		expect(reported[0].message).toBe(`error result of applyAction() (500: ${page.error.message})`);
	});

	test('deserialize refuses with the same limit', () => {
		expect(() => deserialize(JSON.stringify({ type: 'q'.repeat(100_000) }))).toThrow(/^Not an action result: unknown "type" "q{79}…$/);
	});
});

describe("the development check of `timeout()` lets only numbers from 1 to 2147483647 through", () => {
	const FORM = '<form method="POST" action="/save?/publish"><input name="title"></form>';
	test.each([true, '500', [100], 0.5, Number.NaN, '1e3', {}, 500n, null])('timeout(%s) is refused', (ms) => {
		expect(() => timeout(ms as number)).toThrow(/timeout\(\) takes milliseconds, between 1 and 2147483647 \(not (of type \w+|0\.5|NaN)\)/);
	});
	test.each([1, 1.5, 500, 2147483647])('timeout(%s) is accepted', (ms) => {
		expect(() => enhanced(FORM, { use: [timeout(ms)] })).not.toThrow();
	});
});
