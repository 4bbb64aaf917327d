import { http, HttpResponse } from 'msw';
import { describe, expect, test, vi } from 'vitest';
import { configure, enhance } from '../../src/lib/index.js';
import type { ActionResult } from '../../src/lib/index.js';
import { deferred, enhanced, mountForm } from '../helpers/dom.js';
import { server } from '../setup/msw.js';


describe('use:enhance on the wrong element', () => {
	test('not a form', () => {
		document.body.innerHTML = '<div></div>';
		expect(() => enhance(document.querySelector('div') as unknown as HTMLFormElement)).toThrow(
			'use:enhance works on <form> elements only, not <div>: move it to the form.'
		);
	});

	for (const html of ['<form></form>', '<form method="get"></form>', '<form method="dialog"></form>']) {
		test(`a form whose method is not POST: ${html}`, () => {
			expect(() => enhance(mountForm(html))).toThrow(/use:enhance needs <form method="POST">, but this form's method is "(get|dialog)"/);
		});
	}

	test('method="post" in any case is fine', () => {
		expect(() => enhance(mountForm('<form method="PoSt"></form>')).destroy()).not.toThrow();
	});
});

describe('configure({ allowedOrigins }) takes origins', () => {
	// An entry that is no URL would refuse every redirect to another origin with a bare "Invalid URL".
	for (const origin of ['auth.example.com', '*.example.com', 'ftp://files.example.com', '']) {
		test(`not ${JSON.stringify(origin)}`, () => {
			expect(() => configure({ allowedOrigins: ['https://ok.example.com', origin] })).toThrow(
				`configure({ allowedOrigins }) takes http(s) origins such as 'https://auth.example.com', not ${JSON.stringify(origin)}.`
			);
		});
	}

	test('an origin, with or without a trailing slash, is fine', () => {
		expect(() => configure({ allowedOrigins: ['https://auth.example.com', 'http://localhost:5173/'] })).not.toThrow();
	});
});

describe('responses that are not the action protocol say the likely cause', () => {
	async function resultOf(respond: () => Response) {
		server.use(http.post('/target', respond));
		const done = deferred<ActionResult>();
		enhanced('<form method="POST" action="/target"></form>', () => ({ result }) => done.resolve(result)).form.requestSubmit();
		const result = await done.promise;
		expect(result.type).toBe('error');
		return { status: result.type === 'error' ? result.status : undefined, message: (result as { error: Error }).error.message };
	}

	test("SvelteKit's 403 cross-site refusal (JSON, as it answers accept: application/json)", async () => {
		const { status, message } = await resultOf(() =>
			HttpResponse.json({ message: 'Cross-site POST form submissions are forbidden' }, { status: 403 })
		);
		expect(status).toBe(403);
		expect(message).toMatch(/HTTP 403: Cross-site POST form submissions are forbidden/);
		expect(message).toMatch(/SvelteKit refused a cross-site POST \(its CSRF check\).*kit\.csrf\.trustedOrigins/);
	});

	test("a handle hook's error(401) (the app's error as JSON): its message, and that no action ran", async () => {
		const { status, message } = await resultOf(() => HttpResponse.json({ status: 401, message: 'Log in first' }, { status: 401 }));
		expect(status).toBe(401);
		expect(message).toMatch(/^POST \S+ answered HTTP 401: Log in first\. The server refused the request before any action ran/);
	});

	test("SvelteKit's 403 cross-site refusal as text", async () => {
		const { message } = await resultOf(() => HttpResponse.text('Cross-site POST form submissions are forbidden', { status: 403 }));
		expect(message).toMatch(/CSRF check/);
	});

	test('an HTML page (a +server route, a page without actions, a proxy)', async () => {
		const { status, message } = await resultOf(() => HttpResponse.html('<!doctype html><h1>502 Bad Gateway</h1>', { status: 502 }));
		expect(status).toBe(502);
		expect(message).toMatch(/HTML page: the URL is likely not a form action \(a \+server route/);
	});

	test('a JSON API answer (a +server route returning json())', async () => {
		const { message } = await resultOf(() => HttpResponse.json({ id: 1 }));
		expect(message).toMatch(/A form action answers JSON with "type" success, failure, redirect or error/);
	});

	test('a 404 with an empty body', async () => {
		const { status, message } = await resultOf(() => new HttpResponse(null, { status: 404 }));
		expect(status).toBe(404);
		expect(message).toMatch(/the body is not JSON.*Nothing answers at this URL/);
	});
});

test('a development error leaves nothing stuck: the next submit works', async () => {
	// The test waits for the result to be applied: a request still open when the test ends would
	// meet no handler and come back as an error result in the next test.
	const applied = vi.fn();
	const submit = vi.fn(() => applied);
	const { form } = enhanced('<form method="POST" action="/x"><input type="file" name="f"></form>', submit);
	const report = (event: ErrorEvent) => event.preventDefault();
	window.addEventListener('error', report);
	form.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
	window.removeEventListener('error', report);
	expect(submit).not.toHaveBeenCalled();
	form.setAttribute('enctype', 'multipart/form-data');
	server.use(http.post('/x', () => HttpResponse.json({ type: 'success', status: 204, data: '-1' })));
	form.requestSubmit();
	await vi.waitFor(() => expect(submit).toHaveBeenCalledOnce());
	await vi.waitFor(() => expect(applied).toHaveBeenCalledWith(expect.objectContaining({ result: { type: 'success', status: 204, data: undefined } })));
});
