import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { applyAction, clearPage, configure, page } from '../../src/lib/index.js';
import KitStylePage from '../fixtures/KitStylePage.svelte';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

beforeEach(() => {
	history.replaceState(null, '', '/subscribe');
	configure({ invalidateAll: vi.fn() });
	server.use(
		http.post('/subscribe', async ({ request }) => {
			const email = (await request.formData()).get('email');
			return email
				? actionResponse({ type: 'success', status: 200, data: { message: `Subscribed ${email}` } })
				: actionResponse({ type: 'failure', status: 400, data: { message: 'Email required' } });
		})
	);
});
afterEach(() => {
	history.replaceState(null, '', '/');
});

test('formResult shows the server-rendered form prop until an enhanced result arrives', async () => {
	const user = userEvent.setup();
	render(KitStylePage, { form: { message: 'Email required (from the server)' } });
	expect(screen.getByTestId('result').textContent).toBe('Email required (from the server)');
	await user.type(screen.getByLabelText('Email'), 'ada@example.com');
	await user.click(screen.getByRole('button'));
	await vi.waitFor(() => expect(screen.getByTestId('result').textContent).toBe('Subscribed ada@example.com'));
});

test('formResult follows page.form even when a success carries no data', async () => {
	render(KitStylePage, { form: { message: 'stale' } });
	await applyAction({ type: 'success', status: 204 });
	await vi.waitFor(() => expect(screen.getByTestId('result').textContent).toBe('nothing yet'));
});

test('clearPage() dismisses page.form and page.error, and formResult falls back to the prop', async () => {
	const reported = reports();
	render(KitStylePage, { form: null });
	await applyAction({ type: 'failure', status: 400, data: { message: 'Email required' } });
	await applyAction({ type: 'error', status: 500, error: { message: 'Down' } });
	expect(reported).toHaveLength(1);
	expect(screen.getByTestId('result').textContent).toBe('Email required');
	clearPage();
	expect([page.form, page.error, page.status]).toEqual([null, null, 200]);
	await vi.waitFor(() => expect(screen.getByTestId('result').textContent).toBe('nothing yet'));
});
