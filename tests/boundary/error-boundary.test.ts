import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { applyAction, clearPage, configure, page } from '../../src/lib/index.js';
import Boundaries from '../fixtures/Boundaries.svelte';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

beforeEach(() => {
	configure({ invalidateAll: vi.fn(), isCurrentPage: () => true });
	for (const path of ['/inner', '/outer']) {
		server.use(
			http.post(path, async ({ request }) => {
				const note = (await request.formData()).get('note');
				if (note === 'ok') return actionResponse({ type: 'success', status: 200, data: { ok: true } });
				return actionResponse({ type: 'error', status: 503, error: { message: `<b>${path} is down</b>` } });
			})
		);
	}
});

async function send(user: ReturnType<typeof userEvent.setup>, which: 'Inner' | 'Outer', note = 'my draft') {
	await user.type(screen.getByLabelText(`${which} note`), note);
	await user.click(screen.getByRole('button', { name: `Send ${which.toLowerCase()}` }));
}

test('an error shows in the nearest boundary enclosing the form, beside the form, and takes focus', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Inner');
	const shown = await screen.findByTestId('inner-error');
	// Rendered as text: the message's markup is not HTML.
	expect(shown.textContent).toBe('Inner 503: <b>/inner is down</b>');
	expect(shown.querySelector('b')).toBeNull();
	expect(document.activeElement).toBe(shown.closest('[role=alert]'));
	// The form stays mounted with what the user typed; the root boundary shows nothing.
	expect((screen.getByLabelText('Inner note') as HTMLInputElement).value).toBe('my draft');
	expect(screen.getAllByRole('alert')).toHaveLength(1);
	expect(page.error).toEqual({ message: '<b>/inner is down</b>' });
});

test('a form outside any inner boundary goes to the root boundary (default markup)', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Outer');
	const alert = await screen.findByRole('alert');
	expect(alert.textContent).toContain('<b>/outer is down</b>');
	expect(screen.queryByTestId('inner-error')).toBeNull();
	expect(document.activeElement).toBe(alert);
	expect((screen.getByLabelText('Outer note') as HTMLInputElement).value).toBe('my draft');
});

test('applyAction without a form goes to the root boundary', async () => {
	render(Boundaries);
	await applyAction({ type: 'error', status: 500, error: new Error('Lost connection') });
	expect((await screen.findByRole('alert')).textContent).toContain('Lost connection');
	expect(screen.queryByTestId('inner-error')).toBeNull();
});

test('dismiss hides the error and clears page.error', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Inner');
	await screen.findByTestId('inner-error');
	await user.click(screen.getByRole('button', { name: 'Close' }));
	expect(screen.queryByRole('alert')).toBeNull();
	expect(page.error).toBeNull();

	await send(user, 'Outer');
	await screen.findByRole('alert');
	await user.click(screen.getByRole('button', { name: 'Dismiss' }));
	expect(screen.queryByRole('alert')).toBeNull();
});

test('dismissing gives focus back to where it was before the error took it, for keyboard users', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Inner');
	await screen.findByTestId('inner-error');
	await user.keyboard('{Tab}');
	expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
	await user.keyboard('{Enter}');
	expect(screen.queryByRole('alert')).toBeNull();
	expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send inner' }));

	// The default markup too.
	await send(user, 'Outer');
	expect(document.activeElement).toBe(await screen.findByRole('alert'));
	await user.click(screen.getByRole('button', { name: 'Dismiss' }));
	expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send outer' }));
});

test('a later success of the same form clears its boundary', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Inner');
	await screen.findByTestId('inner-error');
	await user.clear(screen.getByLabelText('Inner note'));
	await send(user, 'Inner', 'ok');
	await vi.waitFor(() => expect(screen.queryByTestId('inner-error')).toBeNull());
	expect(page.form).toEqual({ ok: true });
});

test('replace is opt-in: the error then takes the place of the children', async () => {
	const user = userEvent.setup();
	render(Boundaries, { replace: true });
	await send(user, 'Inner');
	await screen.findByTestId('inner-error');
	expect(screen.queryByLabelText('Inner note')).toBeNull();
	await user.click(screen.getByRole('button', { name: 'Close' }));
	expect(screen.getByLabelText('Inner note')).toBeTruthy();
});

test('without a root boundary, an error outside any boundary only sets page.error', async () => {
	const reported = reports();
	const user = userEvent.setup();
	render(Boundaries, { withRoot: false });
	await send(user, 'Outer');
	await vi.waitFor(() => expect(page.error).toEqual({ message: '<b>/outer is down</b>' }));
	expect(screen.queryByRole('alert')).toBeNull();
	expect(page.status).toBe(503);
	// Shown nowhere: reported instead.
	expect(reported.map((error) => error.message)).toEqual(['error result of POST /outer (503: <b>/outer is down</b>)']);
});

test('a destroyed boundary no longer catches errors', async () => {
	const reported = reports();
	const { unmount } = render(Boundaries);
	unmount();
	await applyAction({ type: 'error', status: 500, error: { message: 'after' } });
	expect(page.error).toEqual({ message: 'after' });
	expect(document.querySelector('[role=alert]')).toBeNull();
	expect(reported.map((error) => error.message)).toEqual(['error result of applyAction() (500: after)']);
});

describe('one store of errors, keyed by form: boundaries are views over it', () => {
	test('clearPage() empties every boundary, as it clears page.error', async () => {
		const user = userEvent.setup();
		render(Boundaries);
		await send(user, 'Inner');
		await send(user, 'Outer');
		await vi.waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
		clearPage();
		await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
		expect(page.error).toBeNull();
	});

	test("a later failure of a form clears its own error, not another form's", async () => {
		server.use(http.post('/inner', () => actionResponse({ type: 'failure', status: 422, data: { invalid: true } })));
		const user = userEvent.setup();
		render(Boundaries);
		await send(user, 'Outer');
		await screen.findByRole('alert');
		server.use(http.post('/inner', () => actionResponse({ type: 'error', status: 503, error: { message: 'inner down' } })));
		await send(user, 'Inner');
		await screen.findByTestId('inner-error');
		server.use(http.post('/inner', () => actionResponse({ type: 'failure', status: 422, data: { invalid: true } })));
		await send(user, 'Inner', '!');
		await vi.waitFor(() => expect(screen.queryByTestId('inner-error')).toBeNull());
		// The outer form's error is still shown by the root boundary.
		expect(screen.getByRole('alert').textContent).toContain('/outer is down');
	});

	test('a second error of the same form replaces its first', async () => {
		const user = userEvent.setup();
		render(Boundaries);
		await send(user, 'Outer');
		await screen.findByRole('alert');
		server.use(http.post('/outer', () => actionResponse({ type: 'error', status: 500, error: { message: 'second' } })));
		await send(user, 'Outer', '!');
		await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('second'));
		await user.click(screen.getByRole('button', { name: 'Dismiss' }));
		// Dismissed once: nothing older comes back.
		expect(screen.queryByRole('alert')).toBeNull();
	});
});

test('an older error shown again (the newer one was cleared) does not take focus a second time', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Outer');
	expect((await screen.findByRole('alert')).textContent).toContain('/outer is down');
	// A newer error in the same (root) boundary takes its place, and focus.
	await applyAction({ type: 'error', status: 500, error: new Error('Lost connection') });
	await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Lost connection'));
	expect(document.activeElement).toBe(screen.getByRole('alert'));
	// A success clears it: the form's error is shown again, and focus is where the success put
	// it (the top of the page), not taken back by the error the user already met.
	await applyAction({ type: 'success', status: 200, data: { ok: true } });
	await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('/outer is down'));
	expect(document.activeElement).toBe(document.body);
});

test('an older error shown again after a failure leaves focus where the user is', async () => {
	const user = userEvent.setup();
	render(Boundaries);
	await send(user, 'Outer');
	await screen.findByRole('alert');
	await applyAction({ type: 'error', status: 500, error: new Error('Lost connection') });
	await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Lost connection'));
	// The user goes back to a field; a failure (which leaves focus alone, as in SvelteKit) clears
	// the newer error, and the form's older one is shown again without taking focus.
	const field = screen.getByLabelText('Outer note');
	field.focus();
	await applyAction({ type: 'failure', status: 400, data: { invalid: true } });
	await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('/outer is down'));
	expect(document.activeElement).toBe(field);
});
