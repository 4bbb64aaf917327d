/**
 * `formActions`' options are checked when the handler is made: a shape that would open a hole or
 * never match (a string searched with `includes`, a path, a wildcard subdomain) fails at start-up
 * with an error naming the option and what to write instead.
 */
import { describe, expect, test } from 'vitest';
import { formActions, type FormActionsOptions } from '../../src/lib/server/index.js';

const actions = { default: () => ({ ok: true }) };
const make = (options: unknown) => () => formActions(actions, options as FormActionsOptions);

/** An origin entry, and what the error must say about it (besides naming the option). */
const badOrigins: Array<[string, unknown, RegExp]> = [
	['"null", the origin any sandboxed page sends', 'null', /lists "null", which is the origin of sandboxed and opaque pages.*list the real origins/],
	['a path', 'https://app.example.com/checkout', /lists "https:\/\/app.example.com\/checkout", which is not an origin.*Write "https:\/\/app.example.com" instead/],
	['a trailing slash', 'https://app.example.com/', /Write "https:\/\/app.example.com" instead/],
	['a wildcard subdomain', 'https://*.example.com', /lists "https:\/\/\*.example.com", which is a wildcard, which never matches: list each origin, or write '\*' alone/],
	['a wildcard port', 'https://app.example.com:*', /which is a wildcard/],
	['a non-http scheme', 'ftp://files.example.com', /lists "ftp:\/\/files.example.com", which is not an origin: forms post from http\(s\) pages/],
	['a scheme without host', 'chrome-extension://abcdef', /which is not an origin: forms post from http\(s\) pages/],
	['no scheme', 'app.example.com', /which is not an origin: forms post from http\(s\) pages/],
	['an upper-case host', 'https://App.Example.com', /Write "https:\/\/app.example.com" instead/],
	['an upper-case scheme', 'HTTPS://app.example.com', /Write "https:\/\/app.example.com" instead/],
	['the default port', 'https://app.example.com:443', /Write "https:\/\/app.example.com" instead/],
	['leading whitespace', ' https://app.example.com', /Write "https:\/\/app.example.com" instead/],
	['trailing whitespace', 'https://app.example.com\n', /Write "https:\/\/app.example.com" instead/],
	['a Unicode host (browsers send it in punycode)', 'https://bücher.example', /Write "https:\/\/xn--bcher-kva.example" instead/],
	['credentials in the URL', 'https://user@app.example.com', /Write "https:\/\/app.example.com" instead/],
	['an empty string', '', /lists "", which is not an origin/],
	['a number', 42, /lists number 42, which is not a string: write origins such as \['https:\/\/app.example.com'\]/],
	['null', null, /lists null, which is not a string/],
	['a URL object', new URL('https://app.example.com'), /lists an object \(URL\), which is not a string/]
];

/** A whole option that is not an array, and what the error must say. */
const notLists: Array<[string, unknown, RegExp]> = [
	[
		'a string',
		'https://app.example.com',
		/must be an array of origins such as \['https:\/\/app.example.com'\] — got the string "https:\/\/app.example.com". Write \["https:\/\/app.example.com"\]./
	],
	["the string '*'", '*', /must be an array of origins .* — got the string "\*". Write \["\*"\]./],
	['null', null, /must be an array of origins .* — got null./],
	['a Set', new Set(['https://app.example.com']), /must be an array of origins .* — got an object \(Set\)./],
	['true', true, /must be an array of origins .* — got boolean true./]
];

describe('trustedOrigins', () => {
	test.each(badOrigins)('an entry that is %s is refused when the handler is made, naming the option and the fix', (_, entry, message) => {
		expect(make({ trustedOrigins: ['https://ok.example.com', entry] })).toThrow(/^formActions: `trustedOrigins` lists /);
		expect(make({ trustedOrigins: ['https://ok.example.com', entry] })).toThrow(message);
	});

	test.each(notLists)('%s instead of an array is refused, naming the option and the fix', (_, value, message) => {
		expect(make({ trustedOrigins: value })).toThrow(/^formActions: `trustedOrigins` must be an array/);
		expect(make({ trustedOrigins: value })).toThrow(message);
	});

	test('a string never lets a look-alike origin post: the handler is never made', () => {
		// `'https://app.example.com'.includes('https://app.example.co')` is true: CSRF, were it accepted.
		expect(make({ trustedOrigins: 'https://app.example.com' })).toThrow(/`trustedOrigins` must be an array/);
	});

	test("exact origins and '*' are accepted, and compared whole", async () => {
		const handle = formActions(actions, { trustedOrigins: ['https://app.example.com', 'http://localhost:5173', 'http://[::1]:8080'] });
		const post = (origin: string) =>
			handle(new Request('https://api.example.com/', { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: '' }));
		expect((await post('https://app.example.com')).status).toBe(200);
		expect((await post('http://[::1]:8080')).status).toBe(200);
		for (const lookalike of ['https://app.example.co', 'https://app.example.com.evil.example', 'http://app.example.com', 'http://localhost:5174']) {
			expect((await post(lookalike)).status, lookalike).toBe(403);
		}
		expect(make({ trustedOrigins: ['*'] })).not.toThrow();
		expect(make({ trustedOrigins: [] })).not.toThrow();
		expect(make({})).not.toThrow();
	});
});

describe('cors', () => {
	test.each(badOrigins)('an entry that is %s is refused when the handler is made, naming the option and the fix', (_, entry, message) => {
		expect(make({ cors: [entry] })).toThrow(/^formActions: `cors` lists /);
		expect(make({ cors: [entry] })).toThrow(message);
		expect(make({ cors: { origins: [entry] } })).toThrow(/^formActions: `cors.origins` lists /);
		expect(make({ cors: { origins: [entry] } })).toThrow(message);
	});

	test.each(notLists)('%s instead of an array is refused, naming the option and the fix', (_, value, message) => {
		// A Set is an object: it is read as `{ origins }`, which it lacks.
		if (!(value instanceof Set)) expect(make({ cors: value })).toThrow(/^formActions: `cors` must be an array/);
		if (!(value instanceof Set)) expect(make({ cors: value })).toThrow(message);
		expect(make({ cors: { origins: value } })).toThrow(/^formActions: `cors.origins` must be an array/);
		expect(make({ cors: { origins: value } })).toThrow(message);
	});

	test('an object without origins, or with credentials that are not a boolean, is refused', () => {
		expect(make({ cors: {} })).toThrow('formActions: `cors.origins` must be an array of origins');
		expect(make({ cors: new Set(['https://app.example.com']) })).toThrow('formActions: `cors.origins` must be an array of origins');
		expect(make({ cors: { origins: ['https://app.example.com'], credentials: 'true' } })).toThrow(
			'formActions: `cors.credentials` must be true or false — got string true.'
		);
	});

	test("exact origins and '*' are accepted", () => {
		expect(make({ cors: ['https://app.example.com', '*'] })).not.toThrow();
		expect(make({ cors: { origins: ['https://app.example.com'], credentials: true } })).not.toThrow();
	});
});

describe('bodySizeLimit', () => {
	test.each([
		['a negative number', -1, 'number -1'],
		['NaN', NaN, 'number NaN'],
		['a string with a unit (adapter-node takes one, this option does not)', '512K', 'the string "512K"'],
		['null', null, 'null'],
		['a bigint', 1024n, 'bigint 1024']
	])('%s is refused when the handler is made, naming the option and the fix', (_, value, shown) => {
		expect(make({ bodySizeLimit: value })).toThrow(
			`formActions: \`bodySizeLimit\` must be a number of bytes (such as 16 * 1024 * 1024), or Infinity for no limit — got ${shown}.`
		);
	});

	test('a number of bytes, 0 and Infinity are accepted', () => {
		for (const value of [0, 1, 524_288, 16 * 1024 * 1024, Infinity]) expect(make({ bodySizeLimit: value }), String(value)).not.toThrow();
	});
});
