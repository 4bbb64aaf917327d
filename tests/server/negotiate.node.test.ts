/**
 * `formActions` chooses between the JSON result and the page as SvelteKit does: SvelteKit's
 * `negotiate` (imported here by path, SvelteKit 2's source) is the oracle, for any `accept`.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
// @ts-expect-error SvelteKit's source is plain JavaScript without declarations.
import { negotiate } from '../../node_modules/@sveltejs/kit/src/utils/http.js';
import { prefersJSON } from '../../src/lib/server/negotiate.js';

/** A POST carrying `accept` (none when `null`), as a server receives it. */
function post(accept: string | null): Request {
	return new Request('http://app.test/?/save', { method: 'POST', headers: accept === null ? {} : { accept } });
}

/** SvelteKit's `is_action_json_request` for a POST: JSON when `negotiate` picks it over the page. */
function svelteKitPrefersJSON(request: Request): boolean {
	return negotiate(request.headers.get('accept') ?? '*/*', ['application/json', 'text/html']) === 'application/json';
}

test('a q that is not a number (q=1.2.3, q=.) ranks as in SvelteKit: equal to every other range, in header order', () => {
	const examples = [
		'text/*;q=., application/json',
		'text/*;q=1.2.3, application/json',
		'*/*;q=., text/html, application/json',
		'application/*;q=..;level=1, text/html',
		'text/html;q=0.5, application/json;q=1.2.3, */*;q=0.1',
		'application/json;q=1.2.3, text/html;q=0.5.5'
	];
	for (const accept of examples) expect(prefersJSON(post(accept)), accept).toBe(svelteKitPrefersJSON(post(accept)));
});

// The grammar of the header, rich in what parsers disagree on.
const space = fc.constantFrom('', ' ', '\t', '  ', ' \t ');
const type = fc.constantFrom('application', 'text', '*', 'image', 'Application', 'TEXT', 'x-y', '');
const subtype = fc.constantFrom('json', 'html', '*', 'xhtml+xml', 'JSON', 'html5', '');
const q = fc.constantFrom('1', '0', '0.5', '0.8', '1.0', '0.000', '1.2.3', '.', '..', '0.', '.5', '', '1e3', '-1', 'x', '0.5z', '00.9', '2');
const parameter = fc.oneof(
	q.map((value) => `q=${value}`),
	q.map((value) => `Q=${value}`),
	q.map((value) => `q =${value}`),
	fc.constantFrom('level=1', 'charset=utf-8', 'q', '', 'v=b3;q=0.9')
);
const range = fc
	.tuple(space, type, subtype, space, fc.array(fc.tuple(space, parameter), { maxLength: 3 }), space)
	.map(([before, t, s, middle, parameters, after]) => `${before}${t}/${s}${middle}${parameters.map(([gap, p]) => `;${gap}${p}`).join('')}${after}`);
const garbage = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('json', 'text/', '/html', 'text html', ';q=1', 'text/html q=0'));
const accept = fc.oneof(
	{ weight: 9, arbitrary: fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: range }, { weight: 1, arbitrary: garbage }), fc.constantFrom(',', ', ', ' ,', ',\t', ',,')), { maxLength: 8 }) },
	{ weight: 1, arbitrary: fc.constant(null) }
).map((parts) => (parts === null ? null : parts.map(([part, comma], i) => (i ? comma : '') + part).join('')));

test('for any accept header, the JSON result or the page exactly as SvelteKit chooses', () => {
	fc.assert(
		fc.property(accept, (header) => {
			expect(prefersJSON(post(header)), JSON.stringify(header)).toBe(svelteKitPrefersJSON(post(header)));
		}),
		{ numRuns: 2000 }
	);
});
