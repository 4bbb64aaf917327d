import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as devalue from 'devalue';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { applyAction, configure, deserialize, goto as gotoExport, page } from '../../src/lib/index.js';
import type { ActionResult, Config } from '../../src/lib/index.js';
import Boundaries from '../fixtures/Boundaries.svelte';
import { deferred, enhanced } from '../helpers/dom.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { reports } from '../helpers/reports.js';
import { server } from '../setup/msw.js';

/**
 * Hostile input: what a compromised or malicious server (or a man in the middle of a plain-http
 * API) can send. Each case is listed in SECURITY.md.
 */

const ORIGIN = 'http://localhost:3000';
let assign: Mock<(url: string) => void>;
let goto: Mock<Config['goto']>;

beforeEach(() => {
	history.replaceState(null, '', '/login');
	assign = vi.fn();
	// jsdom cannot navigate: the default goto's `location.assign` is observed instead.
	vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, href: `${ORIGIN}/login`, origin: ORIGIN, assign } as Location);
	goto = vi.fn<Config['goto']>();
});
afterEach(() => {
	vi.restoreAllMocks();
	history.replaceState(null, '', '/');
});

/** A redirect to `location` arriving from the server, through `use:enhance`'s default update(). */
async function redirectTo(location: string) {
	server.use(http.post('/login', () => HttpResponse.json({ type: 'redirect', status: 303, location })));
	const done = deferred<ActionResult>();
	const { form } = enhanced('<form method="POST" action="?/login"><input name="email"></form>', () => async ({ result, update }) => {
		await update();
		done.resolve(result);
	});
	form.querySelector('input')!.value = 'typed';
	form.requestSubmit();
	const result = await done.promise;
	expect(form.querySelector('input')!.value).toBe('typed');
	return result;
}

describe('redirect targets: script URLs, however spelled, are refused with an error result', () => {
	// No boundary here: each refusal is reported on `window`, as the error shown nowhere.
	let reported: Error[];
	beforeEach(() => (reported = reports()));
	const hostile: Array<[string, string]> = [
		['javascript:alert(1)', 'javascript'],
		['JAVASCRIPT:alert(1)', 'javascript'],
		[' JAVASCRIPT:alert(1)', 'javascript'],
		['java\tscript:alert(1)', 'javascript'],
		['java\nscript:alert(1)', 'javascript'],
		['java\r\nscript:alert(1)', 'javascript'],
		['\u0001javascript:alert(1)', 'javascript'],
		['\u0000 \tjavascript:alert(1)', 'javascript'],
		['javascript://%0aalert(1)', 'javascript'],
		// Character references, as an `href` attribute would decode them.
		['&#106;avascript:alert(1)', 'javascript'],
		['&#x6A;avascript:alert(1)', 'javascript'],
		['&#X6a;&#x61;&#x76;&#x61;script:alert(1)', 'javascript'],
		['&#0000106avascript:alert(1)', 'javascript'],
		['javascript&colon;alert(1)', 'javascript'],
		['javascript&#58;alert(1)', 'javascript'],
		['javascript&#x3a;alert(1)', 'javascript'],
		['java&Tab;script&colon;alert(1)', 'javascript'],
		['java&NewLine;script:alert(1)', 'javascript'],
		['&#x26;#106;avascript:alert(1)', 'javascript'],
		// Percent-escapes, as a router that unescapes paths would decode them.
		['javascript%3Aalert(1)', 'javascript'],
		['javascript%3aalert(1)', 'javascript'],
		['%6Aavascript:alert(1)', 'javascript'],
		['%6a%61%76%61%73%63%72%69%70%74%3a alert(1)', 'javascript'],
		['javascript%253Aalert(1)', 'javascript'],
		['%20javascript:alert(1)', 'javascript'],
		['java%09script:alert(1)', 'javascript'],
		['%26%23106;avascript:alert(1)', 'javascript'],
		['&#37;6Aavascript:alert(1)', 'javascript'],
		// data: and vbscript:, the other schemes browsers have run script from.
		['data:text/html,<script>alert(1)</script>', 'data'],
		['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data'],
		[' DATA:text/html,x', 'data'],
		['data%3Atext/html,<script>alert(1)</script>', 'data'],
		['&#100;ata:text/html,x', 'data'],
		['vbscript:msgbox(1)', 'vbscript'],
		['VbScRiPt:msgbox(1)', 'vbscript'],
		['vbscript&colon;msgbox(1)', 'vbscript'],
		['vbscript%3Amsgbox(1)', 'vbscript']
	];

	for (const [location, scheme] of hostile) {
		test(`${JSON.stringify(location)} from the server`, async () => {
			configure({ goto });
			const result = await redirectTo(location);
			expect(result).toEqual({ type: 'redirect', status: 303, location });
			expect(goto).not.toHaveBeenCalled();
			expect(assign).not.toHaveBeenCalled();
			expect(page.error).toBeInstanceOf(Error);
			expect(page.error.message).toMatch(new RegExp(`^Refused to navigate to ${scheme}: URL.*only http\\(s\\) redirects are followed`));
			expect(page.status).toBe(500);
			expect(reported).toEqual([expect.objectContaining({ cause: page.error, message: `error result of POST /login?/login (500: ${page.error.message})` })]);
		});
	}

	test('the default goto refuses them too (applyAction, no goto configured)', async () => {
		for (const [location, scheme] of hostile) {
			await applyAction({ type: 'redirect', status: 303, location });
			expect(page.error?.message).toMatch(new RegExp(`^Refused to navigate to ${scheme}: URL`));
		}
		expect(assign).not.toHaveBeenCalled();
		expect(reported).toHaveLength(hostile.length);
		expect(reported.at(-1)!.cause).toBe(page.error);
	});

	test('goto() called by the app with one of them rejects, saying why', async () => {
		for (const [location, scheme] of hostile) {
			await expect(gotoExport(location)).rejects.toThrow(new RegExp(`^Refused to navigate to ${scheme}: URL`));
		}
		expect(assign).not.toHaveBeenCalled();
	});

	test('other non-http(s) schemes are refused by the default goto', async () => {
		for (const location of ['mailto:a@b.c', 'file:///etc/passwd', 'blob:http://localhost:3000/x', 'ftp://example.com/']) {
			await applyAction({ type: 'redirect', status: 303, location });
			expect(page.error?.message).toMatch(/^Refused to navigate to [a-z]+: URL/);
		}
		expect(assign).not.toHaveBeenCalled();
		expect(reported).toHaveLength(4);
	});

	test('a location that is no URL at all becomes an error result, not an exception', async () => {
		await expect(applyAction({ type: 'redirect', status: 303, location: 'http://[::1' })).resolves.toBeUndefined();
		expect(page.error.message).toBe('Refused to navigate to an invalid URL "http://[::1": only http(s) redirects are followed');
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
		expect(assign).not.toHaveBeenCalled();
	});
});

describe('no false positives: http(s) locations that merely mention a scheme are followed', () => {
	const harmless: Array<[string, string]> = [
		['/search?q=javascript%3Aalert(1)', `${ORIGIN}/search?q=javascript%3Aalert(1)`],
		['/search?q=javascript:alert(1)', `${ORIGIN}/search?q=javascript:alert(1)`],
		['/wiki/JavaScript:_The_Good_Parts', `${ORIGIN}/wiki/JavaScript:_The_Good_Parts`],
		['/javascript%3Aalert(1)', `${ORIGIN}/javascript%3Aalert(1)`],
		['./data%3Aexport', `${ORIGIN}/data%3Aexport`],
		['?next=data%3Atext/html', `${ORIGIN}/login?next=data%3Atext/html`],
		['#vbscript:x', `${ORIGIN}/login#vbscript:x`],
		['javascript-tutorial', `${ORIGIN}/javascript-tutorial`],
		['notes/vbscript-tips', `${ORIGIN}/notes/vbscript-tips`],
		['/a&b=c&colon=1', `${ORIGIN}/a&b=c&colon=1`],
		['http://localhost:3000/data:1', `${ORIGIN}/data:1`]
	];
	for (const [location, href] of harmless) {
		test(JSON.stringify(location), async () => {
			configure({ goto });
			await redirectTo(location);
			expect(goto).toHaveBeenCalledWith(href, { invalidateAll: true });
			expect(page.error).toBeNull();
		});
	}
});

describe('cross-origin redirects', () => {
	test('are followed as the browser follows them natively (a full navigation) by default', async () => {
		configure({ goto });
		for (const [location, href] of [
			['https://auth.example.com/sso?next=%2F', 'https://auth.example.com/sso?next=%2F'],
			['//cdn.example.net/x', 'http://cdn.example.net/x'],
			['/\\evil.example/x', 'http://evil.example/x'],
			['http://localhost:3001/', 'http://localhost:3001/']
		]) {
			await redirectTo(location);
			expect(assign).toHaveBeenLastCalledWith(href);
		}
		expect(goto).not.toHaveBeenCalled();
		expect(page.error).toBeNull();
	});

	describe('with configure({ allowedOrigins })', () => {
		let reported: Error[];
		beforeEach(() => {
			configure({ goto, allowedOrigins: ['https://auth.example.com', 'https://pay.example.com/'] });
			reported = reports();
		});

		test('an allowed origin is followed (trailing slash or not)', async () => {
			await redirectTo('https://auth.example.com/sso');
			await redirectTo('https://pay.example.com/checkout');
			expect(assign.mock.calls).toEqual([['https://auth.example.com/sso'], ['https://pay.example.com/checkout']]);
			expect(page.error).toBeNull();
		});

		test('the own origin is always allowed', async () => {
			await redirectTo('/dashboard');
			await redirectTo(`${ORIGIN}/other`);
			expect(goto.mock.calls).toEqual([
				[`${ORIGIN}/dashboard`, { invalidateAll: true }],
				[`${ORIGIN}/other`, { invalidateAll: true }]
			]);
		});

		for (const location of [
			'https://evil.example/',
			'http://auth.example.com/sso',
			'https://auth.example.com:8443/sso',
			'https://auth.example.com.evil.example/',
			'https://auth.example.com@evil.example/',
			'//evil.example/',
			'/\\evil.example/'
		]) {
			test(`${JSON.stringify(location)} is refused with an error result that says so`, async () => {
				await redirectTo(location);
				expect(assign).not.toHaveBeenCalled();
				expect(goto).not.toHaveBeenCalled();
				expect(page.error.message).toBe(
					`Refused to follow a redirect to ${new URL(location, ORIGIN).origin}: it is not in configure({ allowedOrigins })`
				);
				expect(reported.map((error) => error.cause)).toEqual([page.error]);
			});
		}

		test('a huge origin is quoted in 80 characters', async () => {
			await redirectTo(`https://${'a'.repeat(100_000)}.example/`);
			expect(page.error.message).toBe(`Refused to follow a redirect to https://${'a'.repeat(72)}: it is not in configure({ allowedOrigins })`);
			expect(reported[0].message).toBe(`error result of POST /login?/login (500: ${page.error.message})`);
		});

		test('an empty list allows the own origin only', async () => {
			configure({ allowedOrigins: [] });
			await redirectTo('https://auth.example.com/sso');
			expect(page.error.message).toMatch(/^Refused to follow a redirect to https:\/\/auth\.example\.com/);
			expect(reported).toHaveLength(1);
			await redirectTo('/home');
			expect(goto).toHaveBeenCalledWith(`${ORIGIN}/home`, { invalidateAll: true });
		});
	});
});

describe('prototype pollution: __proto__ keys are refused, constructor keys are plain data', () => {
	afterEach(() => {
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
	});

	const refused: Array<[string, string, RegExp]> = [
		['at the top of the result', '{"type":"success","status":200,"__proto__":{"polluted":true}}', /"__proto__" key/],
		['inside an error', '{"type":"error","error":{"message":"x","__proto__":{"polluted":true}}}', /"__proto__" key/],
		['deep inside an error', '{"type":"error","error":{"a":[{"b":{"__proto__":{"polluted":true}}}]}}', /"__proto__" key/],
		['in devalue data', JSON.stringify({ type: 'success', status: 200, data: '[{"__proto__":1},{"polluted":2},true]' }), /not valid devalue output \(Cannot parse an object with a `__proto__` property\)/],
		['in a devalue null-prototype object', JSON.stringify({ type: 'failure', status: 400, data: '[["null","__proto__",1],{"polluted":2},true]' }), /not valid devalue output/],
		// devalue.stringify itself refuses such objects: only a hand-written payload carries one.
		['nested in devalue data', JSON.stringify({ type: 'success', status: 200, data: '[{"a":1},{"b":2},{"__proto__":3},{"polluted":4},true]' }), /not valid devalue output/]
	];
	for (const [where, text, message] of refused) {
		test(`${where}: deserialize throws a clear error`, () => {
			expect(() => deserialize(text)).toThrow(message);
			expect(() => deserialize(text)).toThrow(/^Not an action result/);
		});
	}

	test('through use:enhance, such a body is an error result and nothing is polluted', async () => {
		const reported = reports();
		server.use(http.post('/login', () => new HttpResponse(refused[0][1], { headers: { 'content-type': 'application/json' } })));
		const done = deferred<ActionResult>();
		const { form } = enhanced('<form method="POST" action="?/login"></form>', () => async ({ result, update }) => {
			await update();
			done.resolve(result);
		});
		form.requestSubmit();
		const result = await done.promise;
		expect(result.type).toBe('error');
		expect(page.error.message).toMatch(/Not an action result: a "__proto__" key/);
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
	});

	test('constructor and prototype keys come through as plain data', async () => {
		const data = JSON.parse('{"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true},"toString":"x"}');
		const text = JSON.stringify({ type: 'failure', status: 400, data: devalue.stringify(data) });
		const result = deserialize(text);
		expect(result).toEqual({ type: 'failure', status: 400, data });
		const decoded = (result as { data: Record<string, any> }).data;
		expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
		expect(Object.keys(decoded)).toEqual(['constructor', 'prototype', 'toString']);
		expect(decoded.constructor).toEqual({ prototype: { polluted: true } });
		// Merged into another object the usual ways, still nothing leaks into prototypes.
		const merged = Object.assign({}, decoded, { ...decoded });
		expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
		await applyAction(result);
		expect(page.form.constructor).toEqual({ prototype: { polluted: true } });
	});

	test('constructor keys in an error stay plain data too', () => {
		const result = deserialize('{"type":"error","error":{"message":"x","constructor":{"prototype":{"polluted":true}}}}');
		expect(result).toEqual({ type: 'error', error: { message: 'x', constructor: { prototype: { polluted: true } } } });
	});
});

describe('messages quote at most 80 characters of what the server sent', () => {
	const huge = 'x'.repeat(1_000_000);
	for (const [what, text] of [
		['a huge "type"', JSON.stringify({ type: huge, status: 200 })],
		['a huge object as "type"', JSON.stringify({ type: { huge }, status: 200 })],
		['a huge custom type name in devalue data', JSON.stringify({ type: 'success', status: 200, data: JSON.stringify([[huge, 1], 2]) })],
		['a huge body that is not JSON', `<${huge}`]
	]) {
		test(what, () => {
			expect(() => deserialize(text)).toThrow(/^Not an action result/);
			try {
				deserialize(text);
			} catch (error) {
				expect((error as Error).message.length).toBeLessThan(200);
			}
		});
	}
});

describe('error messages are rendered as text, never as HTML', () => {
	const markup = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script><b>bold</b>';

	afterEach(() => {
		expect((globalThis as { __xss?: unknown }).__xss).toBeUndefined();
	});

	/** Renders the boundaries fixture; its /outer form lands in the root boundary's default markup. */
	async function shown(respond: () => Response, which: 'Inner' | 'Outer') {
		configure({ invalidateAll: vi.fn(), isCurrentPage: () => true });
		server.use(http.post(which === 'Inner' ? '/inner' : '/outer', respond));
		const user = userEvent.setup();
		render(Boundaries);
		await user.type(screen.getByLabelText(`${which} note`), 'draft');
		await user.click(screen.getByRole('button', { name: `Send ${which.toLowerCase()}` }));
		const alert = await screen.findByRole('alert');
		expect(alert.querySelector('img, script, b')).toBeNull();
		expect((screen.getByLabelText(`${which} note`) as HTMLInputElement).value).toBe('draft');
		return alert.textContent!;
	}

	test('an error result whose message is markup (default markup)', async () => {
		const text = await shown(() => actionResponse({ type: 'error', status: 500, error: { message: markup } }), 'Outer');
		expect(text).toContain(markup);
	});

	test('an error result whose message is markup (a failed snippet)', async () => {
		const text = await shown(() => actionResponse({ type: 'error', status: 500, error: { message: markup } }), 'Inner');
		expect(text).toContain(markup);
	});

	test('an HTML body, quoted by the JSON parser in the error message', async () => {
		const text = await shown(() => HttpResponse.html(markup, { status: 502 }), 'Outer');
		expect(text).toMatch(/answered HTTP 502: Not an action result: the body is not JSON .*<img src=x/);
	});

	test('an error whose message is not a string, or that is not an object', async () => {
		const text = await shown(() => actionResponse({ type: 'error', status: 500, error: markup }), 'Outer');
		expect(text).toContain(markup);
	});
});
