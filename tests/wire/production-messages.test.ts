import { describe, expect, test, vi } from 'vitest';

// A production build: esm-env's DEV is false, so every hint and explanation is left out.
vi.mock('esm-env', async (original) => ({ ...(await original<typeof import('esm-env')>()), DEV: false }));

// The test kit's setup file loaded the library already (with DEV true): load it anew.
vi.resetModules();
const { sendAction } = await import('../../src/lib/wire/send.js');
const { target } = await import('../../src/lib/result/target.js');

/** What `sendAction` makes of `response`, posted to `/orders?/save`. */
async function send(response: Response) {
	const action = new URL('/orders?/save', location.href);
	const result = await sendAction(action, new FormData(), 'application/x-www-form-urlencoded', new AbortController().signal, async () => response);
	return (result as { status?: number; error: Error }).error.message;
}

const html = (status: number) => new Response('<!doctype html><h1>Bad gateway</h1>', { status, headers: { 'content-type': 'text/html' } });

describe('production messages still name what happened: method, path, status, category, the server\'s words', () => {
	test('an HTML page instead of a result', async () => {
		const message = await send(html(502));
		expect(message).toMatch(/^POST \/orders\?\/save answered HTTP 502: Not an action result: the body is not JSON/);
		expect(message).not.toMatch(/HTML page|Check the form's action|\+page\.server/);
	});

	test("SvelteKit's cross-site refusal keeps the server's words, without the advice", async () => {
		const message = await send(new Response(JSON.stringify({ message: 'Cross-site POST form submissions are forbidden' }), { status: 403 }));
		expect(message).toBe('POST /orders?/save answered HTTP 403: Cross-site POST form submissions are forbidden');
	});

	test('a 404, and a body of the wrong shape', async () => {
		expect(await send(new Response('Not found', { status: 404 }))).toMatch(/^POST \/orders\?\/save answered HTTP 404: Not an action result: the body is not JSON/);
		expect(await send(new Response('{"type":"teapot"}'))).toBe('POST /orders?/save answered HTTP 200: Not an action result: unknown "type" "teapot"');
	});

	test('a body nested too deeply, and devalue data with an index devalue never writes', async () => {
		const deep = `{"type":${'['.repeat(1e5)}${']'.repeat(1e5)}}`;
		expect(await send(new Response(deep))).toBe('POST /orders?/save answered HTTP 200: Not an action result: the body is nested too deeply');
		const data = JSON.stringify({ type: 'success', status: 200, data: '[{"a":-8}]' });
		expect(await send(new Response(data))).toBe('POST /orders?/save answered HTTP 200: Not an action result: "data" is not valid devalue output (an invalid index)');
	});

	test('a refused redirect says which URL, without the rule', () => {
		expect(() => target('javascript:alert(1)')).toThrow(new Error('Refused to navigate to javascript: URL "javascript:alert(1)"'));
	});
});
