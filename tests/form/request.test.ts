import { afterEach, describe, expect, test, vi } from 'vitest';
import { deferred, enhanced, mountForm, nextTask } from '../helpers/dom.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { recordRequests, type SentRequest } from '../helpers/requests.js';
import { server } from '../setup/msw.js';

afterEach(() => {
	vi.restoreAllMocks();
});

/** Answers every POST to `path` with an empty success and records the requests. */
function endpoint(path = '/login') {
	const { handler, requests } = recordRequests(path, () => actionResponse({ type: 'success', status: 204 }));
	server.use(handler);
	return requests;
}

/** Submits `form` (with `submitter`, as a click on it would) and waits for the request. */
async function submitAndRecord(form: HTMLFormElement, requests: SentRequest[], submitter?: HTMLElement) {
	const before = requests.length;
	form.requestSubmit(submitter);
	await vi.waitFor(() => expect(requests.length).toBe(before + 1));
	return requests[before];
}

describe('the request enhance sends', () => {
	test('is a POST with the action headers and a URL-encoded body', async () => {
		const requests = endpoint();
		const { form } = enhanced(`<form method="POST" action="/login?/login">
			<input name="email" value="a@b.c"><input name="note" value="x &amp; y=z"></form>`);
		await submitAndRecord(form, requests);
		expect(requests[0]).toEqual({
			method: 'POST',
			url: 'http://localhost:3000/login?/login',
			headers: expect.objectContaining({
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			}),
			body: 'email=a%40b.c&note=x+%26+y%3Dz',
			formData: undefined
		});
	});

	test('passes cache "no-store" and the controller signal to fetch', async () => {
		const requests = endpoint();
		const spy = vi.spyOn(globalThis, 'fetch');
		let controller: AbortController | undefined;
		const { form } = enhanced('<form method="POST" action="/login"></form>', (input) => {
			controller = input.controller;
		});
		await submitAndRecord(form, requests);
		const [url, init] = spy.mock.calls[0];
		expect(String(url)).toBe('http://localhost:3000/login');
		expect(init).toMatchObject({ method: 'POST', cache: 'no-store', signal: controller!.signal });
		spy.mockRestore();
	});

	test('sends multipart FormData, files included, without a content-type of its own', async () => {
		const requests = endpoint('/upload');
		const { form } = enhanced(`<form method="POST" action="/upload" enctype="multipart/form-data">
			<input name="title" value="Report"><input type="file" name="doc"></form>`);
		const input = form.querySelector<HTMLInputElement>('[type=file]')!;
		const file = new File(['%PDF bytes'], 'report.pdf', { type: 'application/pdf' });
		Object.defineProperty(input, 'files', { value: [file] });
		const spy = vi.spyOn(globalThis, 'fetch');
		const request = await submitAndRecord(form, requests);
		expect((spy.mock.calls[0][1]!.headers as Record<string, string>)['content-type']).toBeUndefined();
		expect(spy.mock.calls[0][1]!.body).toBeInstanceOf(FormData);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		const sent = request.formData!;
		expect(sent.get('title')).toBe('Report');
		const doc = sent.get('doc') as File;
		expect([doc.name, doc.type, await doc.text()]).toEqual(['report.pdf', 'application/pdf', '%PDF bytes']);
		spy.mockRestore();
	});

	test('text/plain forms send a URL-encoded body under a text/plain header, as SvelteKit does', async () => {
		const requests = endpoint();
		const { form } = enhanced('<form method="POST" action="/login" enctype="text/plain"><input name="a" value="1 2"></form>');
		const request = await submitAndRecord(form, requests);
		expect(request).toMatchObject({ headers: { 'content-type': 'text/plain' }, body: 'a=1+2' });
	});

	test("includes the submitter's name=value", async () => {
		const requests = endpoint();
		const { form } = enhanced(`<form method="POST" action="/login"><input name="a" value="1">
			<button name="intent" value="save">Save</button><button name="intent" value="delete">Delete</button></form>`);
		const request = await submitAndRecord(form, requests, form.querySelectorAll('button')[1]);
		expect(request).toMatchObject({ body: 'a=1&intent=delete' });
	});

	test("posts to the submitter's formaction, resolved against the document", async () => {
		const requests = endpoint();
		const { form } = enhanced(`<form method="POST" action="?/login"><input name="a" value="1">
			<button>Log in</button><button formaction="?/register">Register</button></form>`);
		window.history.replaceState(null, '', '/login');
		await submitAndRecord(form, requests, form.querySelectorAll('button')[1]);
		await submitAndRecord(form, requests, form.querySelectorAll('button')[0]);
		expect(requests.map((r) => r.url)).toEqual(['http://localhost:3000/login?/register', 'http://localhost:3000/login?/login']);
		window.history.replaceState(null, '', '/');
	});

	test('a submitter with an empty formaction posts to the page itself, as browsers resolve it (not to the form\'s action)', async () => {
		const requests = endpoint();
		window.history.replaceState(null, '', '/login?next=1');
		const { form } = enhanced('<form method="POST" action="/elsewhere?/x"><button formaction="">go</button></form>');
		const request = await submitAndRecord(form, requests, form.querySelector('button')!);
		window.history.replaceState(null, '', '/');
		expect(request.url).toBe('http://localhost:3000/login?next=1');
	});

	test('the submitter reflects formaction, formmethod and formenctype as Chromium does (the setup file fills them in jsdom)', () => {
		window.history.replaceState(null, '', '/page?q=1');
		const form = mountForm(`<form method="POST" action="/other"><button>plain</button><button formaction="" formmethod="PUT"
			formenctype="TEXT/PLAIN">odd</button><button formaction="?/save" formmethod="Post" formenctype="Multipart/Form-Data">set</button></form>`);
		const reflected = [...form.querySelectorAll('button')].map(({ formAction, formMethod, formEnctype }) => [formAction, formMethod, formEnctype]);
		window.history.replaceState(null, '', '/');
		// What Chromium answers for the same markup on the same page.
		expect(reflected).toEqual([
			['http://localhost:3000/page?q=1', '', ''],
			['http://localhost:3000/page?q=1', 'get', 'text/plain'],
			['http://localhost:3000/page?/save', 'post', 'multipart/form-data']
		]);
	});

	test("uses the submitter's formenctype", async () => {
		const requests = endpoint();
		const { form } = enhanced(`<form method="POST" action="/login"><input name="a" value="1">
			<button formenctype="multipart/form-data">go</button></form>`);
		const request = await submitAndRecord(form, requests, form.querySelector('button')!);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(request.formData!.get('a')).toBe('1');
	});

	test("a form without an action attribute posts to the page's own URL, query included, as SvelteKit's does", async () => {
		const requests = endpoint();
		window.history.replaceState(null, '', '/login?next=%2Fhome');
		const seen: string[] = [];
		const { form } = enhanced('<form method="POST"><input name="a" value="1"></form>', ({ action }) => {
			seen.push(action.href);
		});
		const request = await submitAndRecord(form, requests);
		window.history.replaceState(null, '', '/');
		expect(seen).toEqual(['http://localhost:3000/login?next=%2Fhome']);
		expect(request.url).toBe('http://localhost:3000/login?next=%2Fhome');
	});

	test('the action the submit function sees is the effective URL', async () => {
		const requests = endpoint();
		const seen: string[] = [];
		const { form } = enhanced('<form method="POST" action="/login"><button formaction="/login?/other">x</button></form>', ({ action }) => {
			seen.push(action.href);
		});
		await submitAndRecord(form, requests, form.querySelector('button')!);
		await submitAndRecord(form, requests);
		expect(seen).toEqual(['http://localhost:3000/login?/other', 'http://localhost:3000/login']);
	});
});

describe('submissions left to the browser', () => {
	for (const [name, html] of [
		['formmethod="dialog"', '<form method="POST" action="/login"><button formmethod="dialog">Close</button></form>'],
		['formmethod="get"', '<form method="POST" action="/login"><button formmethod="get">Search</button></form>']
	]) {
		test(`a submitter with ${name} is not intercepted`, async () => {
			const submit = vi.fn();
			const { form } = enhanced(html, submit);
			const event = new SubmitEvent('submit', { cancelable: true, submitter: form.querySelector('button') });
			form.dispatchEvent(event);
			await nextTask();
			expect(event.defaultPrevented).toBe(false);
			expect(submit).not.toHaveBeenCalled();
		});
	}

	test('a submitter with formmethod="post" on a form whose method attribute reads GET is enhanced', async () => {
		const requests = endpoint();
		const { form } = enhanced('<form method="POST" action="/login"><button formmethod="post">go</button></form>');
		form.setAttribute('method', 'get');
		await submitAndRecord(form, requests, form.querySelector('button')!);
		expect(requests).toHaveLength(1);
	});
});

describe('DOM clobbering', () => {
	// jsdom does not let named inputs shadow form properties, as browsers do: shadow them by hand.
	function clobber(form: HTMLFormElement) {
		for (const name of ['action', 'method', 'enctype', 'reset', 'addEventListener', 'removeEventListener']) {
			Object.defineProperty(form, name, { configurable: true, value: form.querySelector(`[name="${name}"]`) });
		}
	}

	test('inputs named action, method, enctype, reset and (add|remove)EventListener fool nothing', async () => {
		const requests = endpoint();
		const html = `<form method="POST" action="/login">
			<input name="action" value="a"><input name="method" value="m"><input name="enctype" value="e">
			<input name="reset" value="r"><input name="addEventListener" value="x"><input name="removeEventListener" value="y">
			<input name="email" value="typed"></form>`;
		const form = (document.body.innerHTML = html, document.querySelector('form')!);
		clobber(form);
		const { enhance } = await import('../../src/lib/index.js');
		const action = enhance(form);
		await submitAndRecord(form, requests);
		expect(requests[0]).toMatchObject({
			url: 'http://localhost:3000/login',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'action=a&method=m&enctype=e&reset=r&addEventListener=x&removeEventListener=y&email=typed'
		});
		// A success resets the form through the prototype, not the shadowing input.
		form.querySelector<HTMLInputElement>('[name=email]')!.value = 'changed';
		await submitAndRecord(form, requests);
		await vi.waitFor(() => expect(form.querySelector<HTMLInputElement>('[name=email]')!.value).toBe('typed'));
		action.destroy();
		const event = new SubmitEvent('submit', { cancelable: true });
		form.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(false);
	});
});

describe('the submit function', () => {
	test('receives action, formData, formElement, controller, submitter and cancel', async () => {
		const requests = endpoint();
		const submit = vi.fn();
		const { form } = enhanced('<form method="POST" action="/login"><input name="a" value="1"><button name="b" value="2">go</button></form>', submit);
		const button = form.querySelector('button')!;
		await submitAndRecord(form, requests, button);
		const input = submit.mock.calls[0][0];
		expect(input.action).toEqual(new URL('http://localhost:3000/login'));
		expect([...input.formData]).toEqual([['a', '1'], ['b', '2']]);
		expect(input.formElement).toBe(form);
		expect(input.controller).toBeInstanceOf(AbortController);
		expect(input.submitter).toBe(button);
		expect(input.cancel).toBeTypeOf('function');
	});

	test('a submission without a submitter (requestSubmit()) gets submitter null', async () => {
		const requests = endpoint();
		const submit = vi.fn();
		const { form } = enhanced('<form method="POST" action="/login"></form>', submit);
		await submitAndRecord(form, requests);
		expect(submit.mock.calls[0][0].submitter).toBeNull();
	});

	test('cancel() sends nothing and calls nothing back', async () => {
		const fetchSpy = vi.spyOn(globalThis, 'fetch');
		const callback = vi.fn();
		const { form } = enhanced('<form method="POST" action="/login"></form>', ({ cancel }) => {
			cancel();
			return callback;
		});
		const event = new SubmitEvent('submit', { cancelable: true });
		form.dispatchEvent(event);
		await nextTask();
		expect(event.defaultPrevented).toBe(true);
		expect(fetchSpy).not.toHaveBeenCalled();
		expect(callback).not.toHaveBeenCalled();
		fetchSpy.mockRestore();
	});

	test('an async submit function can change formData before it is sent', async () => {
		const requests = endpoint();
		const { form } = enhanced('<form method="POST" action="/login"><input name="a" value="1"></form>', async ({ formData }) => {
			await nextTask();
			formData.set('a', 'changed');
			formData.append('token', 'xyz');
		});
		const request = await submitAndRecord(form, requests);
		expect(request).toMatchObject({ body: 'a=changed&token=xyz' });
	});

	test('aborting through the controller ends silently: no callback, no page change', async () => {
		const arrived = deferred();
		server.use(
			recordRequests('/login', async () => {
				arrived.resolve();
				await new Promise((resolve) => setTimeout(resolve, 50));
				return actionResponse({ type: 'success', status: 200, data: { ok: true } });
			}).handler
		);
		const callback = vi.fn();
		let controller!: AbortController;
		const { page } = await import('../../src/lib/index.js');
		const { form } = enhanced('<form method="POST" action="/"></form>', (input) => {
			controller = input.controller;
			return callback;
		});
		form.setAttribute('action', '/login');
		form.requestSubmit();
		await arrived.promise;
		controller.abort();
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(callback).not.toHaveBeenCalled();
		expect(page.form).toBeNull();
	});

	test('aborting before the request (in the submit function) sends nothing observable', async () => {
		const callback = vi.fn();
		const { form } = enhanced('<form method="POST" action="/login"></form>', ({ controller }) => {
			controller.abort();
			return callback;
		});
		form.requestSubmit();
		await nextTask();
		await nextTask();
		expect(callback).not.toHaveBeenCalled();
	});

	test('a file input without multipart enctype is a development error and sends nothing', async () => {
		const fetchSpy = vi.spyOn(globalThis, 'fetch');
		const { form } = enhanced('<form method="POST" action="/upload"><input type="file" name="doc"></form>');
		// Thrown from the submit listener: the browser reports it as an error event on window.
		const errors: unknown[] = [];
		const report = (event: ErrorEvent) => {
			errors.push(event.error);
			event.preventDefault();
		};
		window.addEventListener('error', report);
		const event = new SubmitEvent('submit', { cancelable: true });
		form.dispatchEvent(event);
		await nextTask();
		window.removeEventListener('error', report);
		expect(event.defaultPrevented).toBe(true);
		expect(fetchSpy).not.toHaveBeenCalled();
		expect(String(errors[0])).toMatch(/file.*enctype="multipart\/form-data".*nothing was sent/s);
		fetchSpy.mockRestore();
	});
});
