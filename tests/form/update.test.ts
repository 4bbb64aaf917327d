import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { configure, onInvalidate, page, sveltekit3 } from '../../src/lib/index.js';
import type { ActionResult, Config, SubmitFunction } from '../../src/lib/index.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

const FORM = `<form method="POST" action="?/login">
	<input name="email" value="">
	<input type="checkbox" name="remember">
	<select name="plan"><option>free</option><option>pro</option></select>
	<button>Log in</button>
</form>`;

let goto: Mock<Config['goto']>;
let invalidateAll: Mock<Config['invalidateAll']>;

beforeEach(() => {
	history.replaceState(null, '', '/login');
	goto = vi.fn<Config['goto']>();
	invalidateAll = vi.fn<Config['invalidateAll']>();
	configure({ goto, invalidateAll });
});
afterEach(() => {
	vi.restoreAllMocks();
	history.replaceState(null, '', '/');
});

/** Answers POSTs to `path` with `result` in SvelteKit 2's exact wire format. */
function answer(result: ActionResult, path = '/login', init?: { status?: number }) {
	server.use(http.post(path, () => actionResponse(result, init)));
}

/** Types into the form as a user would. */
function type(form: HTMLFormElement) {
	form.querySelector<HTMLInputElement>('[name=email]')!.value = 'typed@example.com';
	form.querySelector<HTMLInputElement>('[name=remember]')!.checked = true;
	form.querySelector<HTMLSelectElement>('[name=plan]')!.value = 'pro';
}

function values(form: HTMLFormElement) {
	return {
		email: form.querySelector<HTMLInputElement>('[name=email]')!.value,
		remember: form.querySelector<HTMLInputElement>('[name=remember]')!.checked,
		plan: form.querySelector<HTMLSelectElement>('[name=plan]')!.value
	};
}
const TYPED = { email: 'typed@example.com', remember: true, plan: 'pro' };
const PRISTINE = { email: '', remember: false, plan: 'free' };

/**
 * Enhances FORM (posting to `action`) with a submit function whose callback runs `then`
 * (default: `update()`), submits it after typing, and resolves with the result once the callback
 * has finished.
 */
async function submitWith(
	then: (input: Parameters<Exclude<Awaited<ReturnType<SubmitFunction>>, void>>[0]) => unknown = (i) => i.update(),
	action = '?/login'
) {
	const done = deferred<ActionResult>();
	const enhancement = enhanced(FORM.replace('?/login', action), () => async (input) => {
		await then(input);
		done.resolve(input.result);
	});
	type(enhancement.form);
	enhancement.form.requestSubmit();
	return { ...enhancement, result: await done.promise };
}

describe('update(): the default behaviour', () => {
	test('success on the current page: reset, then invalidateAll, then page.form', async () => {
		answer({ type: 'success', status: 200, data: { welcome: 'Ada', at: new Date(0) } });
		const seen: unknown[] = [];
		invalidateAll.mockImplementation(() => {
			seen.push({ form: page.form, values: values(document.forms[0]) });
		});
		const { form, result } = await submitWith();
		expect(result).toEqual({ type: 'success', status: 200, data: { welcome: 'Ada', at: new Date(0) } });
		expect(seen).toEqual([{ form: null, values: PRISTINE }]);
		expect(values(form)).toEqual(PRISTINE);
		expect(page.form).toEqual({ welcome: 'Ada', at: new Date(0) });
		expect(page.status).toBe(200);
		expect(page.error).toBeNull();
		expect(goto).not.toHaveBeenCalled();
	});

	test('the default (no submit function) runs update() too', async () => {
		answer({ type: 'success', status: 200, data: { ok: 1 } });
		const { form } = enhanced(FORM);
		type(form);
		form.requestSubmit();
		await vi.waitFor(() => expect(page.form).toEqual({ ok: 1 }));
		expect(values(form)).toEqual(PRISTINE);
		expect(invalidateAll).toHaveBeenCalledOnce();
	});

	test('a success without data (SvelteKit: 204, data "-1")', async () => {
		server.use(http.post('/login', () => HttpResponse.json({ type: 'success', status: 204, data: '-1' })));
		const { result } = await submitWith();
		expect(result).toEqual({ type: 'success', status: 204, data: undefined });
		expect(page.status).toBe(204);
		expect(page.form).toBeUndefined();
	});

	test('failure in the SvelteKit 2 shape (HTTP 200, status in the body): kept values, no invalidate', async () => {
		answer({ type: 'failure', status: 422, data: { email: 'typed@example.com', incorrect: true } });
		const { form, result } = await submitWith();
		expect(result).toMatchObject({ type: 'failure', status: 422 });
		expect(page.status).toBe(422);
		expect(page.form).toEqual({ email: 'typed@example.com', incorrect: true });
		expect(values(form)).toEqual(TYPED);
		expect(invalidateAll).not.toHaveBeenCalled();
	});

	test('failure in the SvelteKit 3 shape (status in HTTP and body)', async () => {
		answer({ type: 'failure', status: 400, data: { missing: true } }, '/login', { status: 400 });
		const { form } = await submitWith();
		expect([page.status, page.form]).toEqual([400, { missing: true }]);
		expect(values(form)).toEqual(TYPED);
	});

	test('error: page.error and the HTTP status; the form keeps what the user typed', async () => {
		const reported = reports();
		answer({ type: 'error', status: 503, error: { message: 'Database down' } });
		const { form, result } = await submitWith();
		expect(result).toEqual({ type: 'error', status: 503, error: { message: 'Database down' } });
		expect(page.error).toEqual({ message: 'Database down' });
		expect(page.status).toBe(503);
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
		expect(values(form)).toEqual(TYPED);
		expect(invalidateAll).not.toHaveBeenCalled();
	});

	test('redirect: goto(location, { invalidateAll: true }), resolved against the page', async () => {
		answer({ type: 'redirect', status: 303, location: '/dashboard?tab=1' });
		const { form } = await submitWith();
		expect(goto).toHaveBeenCalledWith('http://localhost:3000/dashboard?tab=1', { invalidateAll: true });
		expect(values(form)).toEqual(TYPED);
		expect(page.form).toBeNull();
	});

	test("another page's action: a success resets and invalidates but leaves page alone", async () => {
		answer({ type: 'success', status: 200, data: { subscribed: true } }, '/newsletter');
		const { form } = await submitWith(undefined, '/newsletter');
		expect(values(form)).toEqual(PRISTINE);
		expect(invalidateAll).toHaveBeenCalledOnce();
		expect([page.form, page.status]).toEqual([null, 200]);
	});

	test("another page's action: a failure leaves page alone", async () => {
		answer({ type: 'failure', status: 400, data: { invalid: true } }, '/newsletter');
		const { form } = await submitWith(undefined, '/newsletter');
		expect([page.form, page.status]).toEqual([null, 200]);
		expect(values(form)).toEqual(TYPED);
	});

	test("another page's action: redirects and errors are still applied", async () => {
		const reported = reports();
		answer({ type: 'error', status: 500, error: { message: 'Nope' } }, '/newsletter');
		await submitWith(undefined, '/newsletter');
		expect(page.error).toEqual({ message: 'Nope' });
		expect(reported.map((error) => error.message)).toEqual(['error result of POST /newsletter (500: Nope)']);

		answer({ type: 'redirect', status: 303, location: '/thanks' }, '/newsletter');
		await submitWith(undefined, '/newsletter');
		expect(goto).toHaveBeenCalledWith('http://localhost:3000/thanks', { invalidateAll: true });
	});

	test('a SvelteKit 3 result names its page in `location`: another page is navigated to (tests/result/update-plan.test.ts)', async () => {
		server.use(
			http.post('/login', () =>
				HttpResponse.json({ type: 'success', status: 200, data: '[{"ok":1},true]', location: '/elsewhere' })
			)
		);
		configure({ use: [sveltekit3()] });
		await submitWith();
		expect(goto).toHaveBeenCalledWith('http://localhost:3000/elsewhere', { invalidateAll: true });
		goto.mockClear();
		server.use(
			http.post('/login', () => HttpResponse.json({ type: 'success', status: 200, data: '[{"ok":1},true]', location: '/login' }))
		);
		await submitWith();
		expect(goto).not.toHaveBeenCalled();
		expect(page.form).toEqual({ ok: true });
	});

	test('configure({ isCurrentPage }) applies results of endpoints on other paths (SPA)', async () => {
		configure({ isCurrentPage: (url) => url.pathname.startsWith('/api/') });
		answer({ type: 'failure', status: 400, data: { message: 'Wrong password' } }, '/api/login');
		await submitWith(undefined, '/api/login');
		expect(page.form).toEqual({ message: 'Wrong password' });
	});
});

describe('update() options', () => {
	test('reset: false keeps the values after a success', async () => {
		answer({ type: 'success', status: 200, data: {} });
		const { form } = await submitWith(({ update }) => update({ reset: false }));
		expect(values(form)).toEqual(TYPED);
		expect(invalidateAll).toHaveBeenCalledOnce();
	});

	test('invalidateAll: false skips the refresh', async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		await submitWith(({ update }) => update({ invalidateAll: false }));
		expect(invalidateAll).not.toHaveBeenCalled();
		expect(page.form).toEqual({ a: 1 });
	});

	test("refreshAll: false (SvelteKit 3's name) skips it too", async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		await submitWith(({ update }) => update({ refreshAll: false }));
		expect(invalidateAll).not.toHaveBeenCalled();
	});

	test('invalidateAll wins when both names are given', async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		await submitWith(({ update }) => update({ refreshAll: false, invalidateAll: true }));
		expect(invalidateAll).toHaveBeenCalledOnce();
	});
});

describe('custom callbacks', () => {
	test('a callback that does not call update() changes nothing', async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		const { form, result } = await submitWith(() => {});
		expect(result).toEqual({ type: 'success', status: 200, data: { a: 1 } });
		expect(values(form)).toEqual(TYPED);
		expect(page.form).toBeNull();
		expect(invalidateAll).not.toHaveBeenCalled();
	});

	test('the callback receives action, formData, formElement, result and update', async () => {
		answer({ type: 'failure', status: 400, data: { x: 1 } });
		let input: any;
		const { form } = await submitWith((i) => (input = i));
		expect(input.action.href).toBe('http://localhost:3000/login?/login');
		expect(input.formData.get('email')).toBe('typed@example.com');
		expect(input.formElement).toBe(form);
		expect(input.update).toBeTypeOf('function');
	});

	test('the callback gets the very action and formData the submit function had, its changes included', async () => {
		answer({ type: 'success', status: 204 });
		const after = deferred<{ action: URL; formData: FormData }>();
		let before: { action: URL; formData: FormData } | undefined;
		const { form } = enhanced(FORM, ({ action, formData }) => {
			before = { action, formData };
			formData.set('email', 'changed@example.com');
			return ({ action, formData }) => after.resolve({ action, formData });
		});
		form.requestSubmit();
		const { action, formData } = await after.promise;
		expect(action).toBe(before!.action);
		expect(formData).toBe(before!.formData);
		expect(formData.get('email')).toBe('changed@example.com');
	});

	test('update() called twice runs the default behaviour twice, as SvelteKit does, and ends applied', async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		const { form } = await submitWith(async ({ update }) => {
			await update();
			await update();
		});
		expect(invalidateAll).toHaveBeenCalledTimes(2);
		expect([page.form, page.status, page.error]).toEqual([{ a: 1 }, 200, null]);
		expect(values(form)).toEqual(PRISTINE);
	});

	test('the callback may be async and is awaited per submission', async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		const order: string[] = [];
		await submitWith(async ({ update }) => {
			order.push('start');
			await new Promise((resolve) => setTimeout(resolve, 5));
			await update();
			order.push('end');
		});
		expect(order).toEqual(['start', 'end']);
		expect(page.form).toEqual({ a: 1 });
	});
});

describe('what does not come back as a result', () => {
	test('a network failure becomes an error result with an Error saying so; values kept', async () => {
		const reported = reports();
		server.use(http.post('/login', () => HttpResponse.error()));
		const { form, result } = await submitWith();
		expect(result.type).toBe('error');
		const error = (result as { error: Error }).error;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(/^POST \/login\?\/login failed: /);
		expect(page.error).toBe(error);
		expect(reported.map((error) => error.cause)).toEqual([error]);
		expect(page.status).toBe(500);
		expect(values(form)).toEqual(TYPED);
	});

	test('an HTML page (a proxy or a +server route) becomes an error result with the HTTP status', async () => {
		const reported = reports();
		server.use(http.post('/login', () => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 })));
		const { form, result } = await submitWith();
		expect(result).toMatchObject({ type: 'error', status: 502 });
		expect((result as { error: Error }).error.message).toMatch(/POST \/login\?\/login answered HTTP 502: Not an action result: the body is not JSON/);
		expect(page.status).toBe(502);
		expect(reported.map((error) => error.cause)).toEqual([(result as { error: Error }).error]);
		expect(values(form)).toEqual(TYPED);
	});

	test('JSON that is not a result becomes an error result', async () => {
		server.use(http.post('/login', () => HttpResponse.json({ ok: true })));
		const { result } = await submitWith(() => {});
		expect(result).toMatchObject({ type: 'error', status: 200 });
		expect((result as { error: Error }).error.message).toMatch(/unknown "type"/);
	});

	test('the form is usable again after a failed submission', async () => {
		const reported = reports();
		server.use(http.post('/login', () => HttpResponse.error()));
		const { form } = await submitWith();
		expect(reported).toHaveLength(1);
		answer({ type: 'success', status: 200, data: { ok: true } });
		form.requestSubmit();
		await vi.waitFor(() => expect(page.form).toEqual({ ok: true }));
		expect(page.error).toBeNull();
	});
});

describe('the action object', () => {
	test('destroy() removes the listener: a later submit is left to the browser', async () => {
		const { form, action } = enhanced(FORM);
		action.destroy();
		const event = new SubmitEvent('submit', { cancelable: true });
		form.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(false);
	});

	test('a result arriving after destroy() reaches a custom callback, but update() changes nothing', async () => {
		const release = deferred();
		server.use(
			http.post('/login', async () => {
				await release.promise;
				return actionResponse({ type: 'success', status: 200, data: { late: true } });
			})
		);
		const done = deferred<ActionResult>();
		const { form, action } = enhanced(FORM, () => async ({ result, update }) => {
			await update();
			done.resolve(result);
		});
		type(form);
		form.requestSubmit();
		action.destroy();
		release.resolve();
		expect(await done.promise).toEqual({ type: 'success', status: 200, data: { late: true } });
		expect(values(form)).toEqual(TYPED);
		expect(page.form).toBeNull();
		expect(invalidateAll).not.toHaveBeenCalled();
	});

	test('a redirect or error arriving after destroy() navigates nowhere and sets no error', async () => {
		for (const result of [
			{ type: 'redirect', status: 303, location: '/away' },
			{ type: 'error', status: 500, error: { message: 'late' } }
		] as ActionResult[]) {
			const release = deferred();
			const sent = deferred();
			const fetch = async () => {
				sent.resolve();
				await release.promise;
				return actionResponse(result);
			};
			const { form, action } = enhanced(FORM, { fetch });
			form.requestSubmit();
			await sent.promise;
			action.destroy();
			release.resolve();
			// Long enough for the response to be read and applied, had the form not been destroyed.
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(goto).not.toHaveBeenCalled();
		expect(page.error).toBeNull();
	});

	test('update(newSubmit) replaces the submit function', async () => {
		answer({ type: 'success', status: 200, data: {} });
		const first = vi.fn();
		const done = deferred();
		const { form, action } = enhanced(FORM, first);
		action.update(() => () => done.resolve());
		form.requestSubmit();
		await done.promise;
		expect(first).not.toHaveBeenCalled();
	});
});

describe('fetch overrides', () => {
	test('configure({ fetch }) is used by every form', async () => {
		answer({ type: 'success', status: 200, data: { a: 1 } });
		const custom = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
			fetch(input, { ...init, headers: { ...(init!.headers as object), authorization: 'Bearer t' } })
		);
		let authorization: string | null = null;
		server.use(
			http.post('/login', ({ request }) => {
				authorization = request.headers.get('authorization');
				return actionResponse({ type: 'success', status: 200, data: { a: 1 } });
			})
		);
		configure({ fetch: custom });
		await submitWith();
		expect(custom).toHaveBeenCalledOnce();
		expect(authorization).toBe('Bearer t');
	});

	test('use:enhance={{ submit, fetch }} overrides it for one form', async () => {
		const global = vi.fn();
		configure({ fetch: global });
		const perForm = vi.fn(async () => actionResponse({ type: 'success', status: 200, data: { mine: true } }));
		const done = deferred();
		const { form } = enhanced(FORM, {
			fetch: perForm,
			submit: () => async ({ update }: { update: () => Promise<void> }) => {
				await update();
				done.resolve();
			}
		});
		form.requestSubmit();
		await done.promise;
		expect(perForm).toHaveBeenCalledOnce();
		expect(global).not.toHaveBeenCalled();
		expect(page.form).toEqual({ mine: true });
	});
});

test('configure({ option: undefined }) puts that option back to its default, not a blank', async () => {
	const broken = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('custom fetch should not be used')));
	configure({ fetch: broken });
	configure({ fetch: undefined, invalidateAll: undefined });
	const refresh = vi.fn();
	const unregister = onInvalidate(refresh);
	answer({ type: 'success', status: 200, data: { saved: true } });
	const done = deferred<ActionResult>();
	const { form } = enhanced(FORM, () => async ({ result, update }) => {
		await update();
		done.resolve(result);
	});
	form.requestSubmit();
	expect(await done.promise).toEqual({ type: 'success', status: 200, data: { saved: true } });
	unregister();
	// The global fetch posted (MSW answered), and the default invalidateAll ran the app's refreshers.
	expect(broken).not.toHaveBeenCalled();
	expect(refresh).toHaveBeenCalledOnce();
	expect(invalidateAll).not.toHaveBeenCalled();
	expect(page.form).toEqual({ saved: true });
});
