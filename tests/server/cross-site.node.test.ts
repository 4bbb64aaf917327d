/**
 * The cross-site check is SvelteKit 3.4's (`csrf.js`, `can_skip_preflight`): every POST (PUT,
 * PATCH, DELETE) another site's page can send without a CORS preflight is refused from another
 * origin — the form types, and also a body without a content type and `text/ping`, which
 * SvelteKit 2 did not check. Content types are compared without parameters, in any case.
 */
import { describe, expect, test, vi } from 'vitest';
import { formActions } from '../../src/lib/server/index.js';

const ORIGIN = 'http://app.test';
const EVIL = 'https://evil.test';
const action = vi.fn(() => ({ ok: true }));
const handle = formActions({ default: action }, { trustedOrigins: ['https://pay.test'] });

/** A request with this content type (none when `undefined`: a bytes body sets none). */
function request(method: string, contentType: string | undefined, origin: string | null) {
	const headers = new Headers({ accept: 'application/json' });
	if (contentType !== undefined) headers.set('content-type', contentType);
	if (origin) headers.set('origin', origin);
	return new Request(ORIGIN + '/', { method, headers, body: new TextEncoder().encode('a=1') });
}

/** What another site's page can send without a preflight, as SvelteKit 3.4 lists it. */
const unpreflighted: Array<[string, string | undefined]> = [
	['no content type at all', undefined],
	['an empty content type', ''],
	['text/ping (hyperlink auditing)', 'text/ping'],
	['TEXT/PING in upper case', 'TEXT/PING'],
	['text/ping with parameters', 'text/ping; charset=utf-8'],
	['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
	['a form type in mixed case with a charset', 'Application/X-WWW-Form-URLEncoded;charset=UTF-8'],
	['multipart/form-data', 'multipart/form-data; boundary=x'],
	['text/plain', 'text/plain'],
	['text/plain with spaces around it', ' text/plain ; charset=utf-8'],
	["SvelteKit's binary form type", 'application/x-sveltekit-formdata']
];

describe('from another origin, or with no Origin, a 403 and no action', () => {
	test.each(unpreflighted)('a POST with %s', async (_, type) => {
		action.mockClear();
		for (const origin of [EVIL, null, 'null']) {
			const response = await handle(request('POST', type, origin));
			expect([response.status, await response.text()], String(origin)).toEqual([403, '{"message":"Cross-site POST form submissions are forbidden"}']);
		}
		expect(action).not.toHaveBeenCalled();
	});

	test.each(['PUT', 'PATCH', 'DELETE'])('a %s without a content type, as SvelteKit 3.4 refuses it', async (method) => {
		const response = await handle(request(method, undefined, EVIL));
		expect([response.status, await response.text()]).toEqual([403, `{"message":"Cross-site ${method} form submissions are forbidden"}`]);
	});
});

describe('what is not refused', () => {
	test.each(unpreflighted)('a POST with %s from its own origin or a trusted one reaches the check of its body', async (_, type) => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		for (const origin of [ORIGIN, 'https://pay.test']) expect((await handle(request('POST', type, origin))).status, origin).not.toBe(403);
		vi.restoreAllMocks();
	});

	test('a body with no content type from the own origin is a 415, as SvelteKit answers it', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const response = await handle(request('POST', undefined, ORIGIN));
		expect([response.status, await response.text()]).toEqual([415, '{"type":"error","error":{"message":"Unsupported Media Type"}}']);
		vi.restoreAllMocks();
	});

	test.each(['application/json', 'text/html', 'application/ping', 'text/pingx'])(
		'%s, which needs a preflight, is not checked (CORS stops it in the browser): a 415',
		async (type) => {
			vi.spyOn(console, 'error').mockImplementation(() => {});
			expect((await handle(request('POST', type, EVIL))).status).toBe(415);
			vi.restoreAllMocks();
		}
	);

	test("trustedOrigins: ['*'] turns the check off, as in SvelteKit", async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const open = formActions({ default: () => ({}) }, { trustedOrigins: ['*'] });
		expect((await open(request('POST', undefined, EVIL))).status).toBe(415);
		expect((await open(request('POST', 'text/ping', EVIL))).status).toBe(415);
		vi.restoreAllMocks();
	});
});
