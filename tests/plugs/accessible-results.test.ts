import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { announce, configure, enhance, submission } from '../../src/lib/index.js';
import type { ActionResult } from '../../src/lib/index.js';
import Signup from '../fixtures/Signup.svelte';
import { enhanced } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { until } from '../helpers/until.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

let answer: ActionResult;
beforeEach(() => {
	history.replaceState(null, '', '/signup');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	server.use(http.post('/signup', () => actionResponse(answer)));
});
afterEach(() => {
	document.body.innerHTML = '';
	history.replaceState(null, '', '/');
});

const INVALID: ActionResult = {
	type: 'failure',
	status: 400,
	data: { errors: { email: 'Taken', password: 'Too short' }, message: 'Check the 2 marked fields' }
};

/** Renders the sign-up form, submits it with a click, and waits until the submission is over. */
async function signUp(props: Record<string, unknown> = {}) {
	const user = userEvent.setup();
	const save = submission();
	render(Signup, { save, ...props });
	await user.type(screen.getByLabelText('Name'), 'Ada');
	await user.click(screen.getByRole('button', { name: 'Sign up' }));
	await until(() => expect(save.result).not.toBeNull());
	// focusInvalid() moves focus a tick after the result renders.
	await new Promise((resolve) => setTimeout(resolve, 0));
	return { user, save };
}

/** The live region's words, without the invisible variation added to repeated words. */
const announced = () => document.querySelector('[data-form-announcer]')?.textContent?.trim();

describe('focusInvalid()', () => {
	test("after a failure, focus moves to the form's first field marked aria-invalid", async () => {
		answer = INVALID;
		await signUp();
		expect(document.activeElement).toBe(screen.getByLabelText('Email'));
	});

	test('it is opt-in: without it, a failure leaves focus where it was', async () => {
		answer = INVALID;
		await signUp({ focus: false });
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign up' }));
	});

	test('a success does not take focus to a field (focus is reset as usual)', async () => {
		answer = { type: 'success', status: 200, data: { errors: { email: 'stale' } } };
		await signUp();
		expect(document.activeElement).toBe(document.body);
	});

	test('a failure without invalid fields leaves focus where it was', async () => {
		answer = { type: 'failure', status: 400, data: { message: 'Try later' } };
		await signUp();
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign up' }));
	});
});

describe('announce()', () => {
	test('reads data.message out in a polite, visually hidden live region', async () => {
		answer = INVALID;
		await signUp();
		const region = screen.getByRole('status');
		expect(region.getAttribute('aria-live')).toBe('polite');
		expect(region.getAttribute('aria-atomic')).toBe('true');
		expect([region.style.position, region.style.width, region.style.overflow]).toEqual(['absolute', '1px', 'hidden']);
		expect(region.textContent).toBe('Check the 2 marked fields');
	});

	test('the app chooses the words, from the result', async () => {
		answer = { type: 'success', status: 201, data: { name: 'Ada' } };
		const text = vi.fn((result: ActionResult) => (result.type === 'success' ? `Welcome, ${result.data?.name}` : 'Not yet'));
		await signUp({ text });
		expect(text).toHaveBeenCalledWith(answer);
		expect(announced()).toBe('Welcome, Ada');
	});

	test('no words, nothing announced: a result without a string message keeps the region as it was', async () => {
		const reported = reports();
		answer = { type: 'error', status: 500, error: { message: 'Boom' } };
		await signUp();
		expect(announced()).toBe('');
		expect(reported).toHaveLength(1);
	});

	test('the same words twice are announced twice (the region changes)', async () => {
		answer = INVALID;
		const { user, save } = await signUp();
		const first = screen.getByRole('status').textContent;
		const before = save.result;
		await user.click(screen.getByRole('button', { name: 'Sign up' }));
		await until(() => expect(save.result).not.toBe(before));
		expect(screen.getByRole('status').textContent).not.toBe(first);
		expect(announced()).toBe('Check the 2 marked fields');
	});

	test('one live region for every form, there before the first result', async () => {
		const { handler, requests } = heldEndpoint('/held');
		server.use(handler);
		const html = '<form method="POST" action="/held"><button>Go</button></form>';
		const first = enhanced(html + html, { use: [announce()] }).form;
		enhance(document.forms[1], { use: [announce(() => 'Second')] });
		first.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		expect(screen.getByRole('status').textContent).toBe('');
		requests[0].answer({ type: 'success', status: 200, data: { message: 'First' } });
		await until(() => expect(announced()).toBe('First'));
		document.forms[1].requestSubmit();
		await until(() => expect(requests).toHaveLength(2));
		requests[1].answer({ type: 'success', status: 200 });
		await until(() => expect(announced()).toBe('Second'));
		expect(document.querySelectorAll('[data-form-announcer]')).toHaveLength(1);
	});

	test('an aborted submission, or a discarded result, announces nothing', async () => {
		const { handler, requests } = heldEndpoint('/held');
		server.use(handler);
		const save = submission();
		const controllers: AbortController[] = [];
		const { form } = enhanced('<form method="POST" action="/held"></form>', {
			use: [save, announce((result) => `Result ${result.type === 'failure' && result.data?.n}`)],
			submit: ({ controller }) => void controllers.push(controller)
		});
		for (const n of [0, 1, 2]) {
			form.requestSubmit();
			await until(() => expect(requests).toHaveLength(n + 1));
		}
		controllers[0].abort();
		requests[2].answer({ type: 'failure', status: 400, data: { n: 2 } });
		await until(() => expect(announced()).toBe('Result 2'));
		requests[1].answer({ type: 'failure', status: 400, data: { n: 1 } });
		await until(() => expect(save.submitting).toBe(false));
		expect(announced()).toBe('Result 2');
	});
});
