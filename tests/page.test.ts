import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { configure, page } from '../src/lib/index.js';
import LoginForm from './fixtures/LoginForm.svelte';
import { actionHandler, actionResponse, error, fail } from '../src/lib/testing/msw/index.js';
import { server } from './setup/msw.js';
import { reports } from './helpers/reports.js';

beforeEach(() => {
	history.replaceState(null, '', '/login');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	// The demo's login/register actions, mocked with the test kit.
	server.use(
		actionHandler('/login', {
			login: ({ formData }) => {
				const email = String(formData.get('email') ?? '');
				if (!email) return fail(400, { email, missing: true });
				if (formData.get('password') !== 'demo') return fail(400, { email, incorrect: true });
				if (email === 'crash@example.com') error(500, { message: 'Internal Error' });
				return { welcome: email };
			},
			register: ({ formData }) => ({ registered: String(formData.get('email')) })
		})
	);
});
afterEach(() => {
	history.replaceState(null, '', '/');
});

test('page is initially form null, status 200, error null', () => {
	expect([page.form, page.status, page.error]).toEqual([null, 200, null]);
});

test("page is read-only at run time too: a write throws, as with SvelteKit's page, and changes nothing", () => {
	const writable = page as { form: unknown; status: number; error: unknown };
	expect(() => (writable.form = { forged: true })).toThrow(TypeError);
	expect(() => (writable.status = 500)).toThrow(TypeError);
	expect(() => (writable.error = new Error('forged'))).toThrow(TypeError);
	expect([page.form, page.status, page.error]).toEqual([null, 200, null]);
	expect(Object.keys(page)).toEqual(['form', 'status', 'error']);
});

test('a rendered component follows page.form, page.status and page.error', async () => {
	const user = userEvent.setup();
	render(LoginForm);
	expect(screen.getByTestId('summary').textContent).toBe('form: none');

	await user.click(screen.getByRole('button', { name: 'Log in' }));
	expect(await screen.findByText('The email field is required')).toBeTruthy();
	expect(screen.getByTestId('status').textContent).toMatch(/^status: 400/);

	await user.type(screen.getByLabelText('Email'), 'ada@example.com');
	await user.type(screen.getByLabelText('Password'), 'wrong');
	await user.click(screen.getByRole('button', { name: 'Log in' }));
	expect(await screen.findByText('Invalid credentials!')).toBeTruthy();
	expect(screen.queryByText('The email field is required')).toBeNull();
	// A failure keeps what was typed, password included.
	expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
	expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('wrong');

	await user.click(screen.getByRole('button', { name: 'Register' }));
	expect(await screen.findByText('Registered ada@example.com')).toBeTruthy();
	expect(screen.getByTestId('summary').textContent).toBe('form: {"registered":"ada@example.com"}');
	expect(screen.getByTestId('status').textContent).toMatch(/^status: 200/);
	// A success resets the form.
	expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
});

test('an input rendered with value={page.form?.email} shows the returned value again, even when equal', async () => {
	// The server echoes what it accepted, whatever was typed since: the input must show it each time.
	server.use(http.post('/login', () => actionResponse({ type: 'failure', status: 400, data: { email: 'kept@example.com', incorrect: true } })));
	const user = userEvent.setup();
	render(LoginForm);
	const email = screen.getByLabelText('Email') as HTMLInputElement;
	for (const typed of ['first@example.com', 'second@example.com']) {
		await user.clear(email);
		await user.type(email, typed);
		await user.click(screen.getByRole('button', { name: 'Log in' }));
		await vi.waitFor(() => expect(email.value).toBe('kept@example.com'));
	}
});

test('an error result shows page.error and keeps the form', async () => {
	const reported = reports();
	const user = userEvent.setup();
	render(LoginForm);
	await user.type(screen.getByLabelText('Email'), 'crash@example.com');
	await user.type(screen.getByLabelText('Password'), 'demo');
	await user.click(screen.getByRole('button', { name: 'Log in' }));
	expect((await screen.findByRole('alert')).textContent).toBe('Internal Error');
	expect(screen.getByTestId('status').textContent).toMatch(/^status: 500/);
	// The fixture shows page.error itself, no <ErrorBoundary> took it: reported too.
	expect(reported.map((error) => error.message)).toEqual(['error result of POST /login?/login (500: Internal Error)']);
	expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('crash@example.com');
});

test('$effect re-runs when page.status changes', async () => {
	const user = userEvent.setup();
	render(LoginForm);
	expect(screen.getByTestId('status').textContent).toBe('status: 200, effects: 1');
	await user.click(screen.getByRole('button', { name: 'Log in' }));
	await vi.waitFor(() => expect(screen.getByTestId('status').textContent).toBe('status: 400, effects: 2'));
});

test('Enter in a field submits through enhance', async () => {
	const user = userEvent.setup();
	render(LoginForm);
	await user.type(screen.getByLabelText('Email'), 'ada@example.com');
	await user.type(screen.getByLabelText('Password'), 'demo{Enter}');
	await vi.waitFor(() => expect(page.form).toEqual({ welcome: 'ada@example.com' }));
});
