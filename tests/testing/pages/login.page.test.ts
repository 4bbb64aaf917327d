import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler, error, fail, redirect } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { describe, expect, test, vi } from 'vitest';
import { server } from '../../setup/msw.js';
import ErrorPage from './login/+error.svelte';
import Page from './login/+page.svelte';

/** The server side of the page, as its +page.server.ts would have it. */
const users = new Map([['demo@example.com', 'demo']]);
let loggedIn: string | null = null;
const login = actionHandler('/login', {
	login: ({ formData }) => {
		const email = String(formData.get('email') ?? '');
		if (!email) return fail(400, { email, missing: true });
		if (email === 'down@example.com') error(503, 'Down for maintenance');
		if (email === 'bug@example.com') throw new Error('database password leaked here');
		if (users.get(email) !== formData.get('password')) return fail(400, { email, incorrect: true });
		loggedIn = email;
		redirect(303, '/');
	},
	register: ({ formData }) => {
		const email = String(formData.get('email'));
		users.set(email, String(formData.get('password')));
		return { registered: email };
	}
});

function setup() {
	server.use(login);
	loggedIn = null;
	const user = userEvent.setup();
	const rendered = renderPage(Page, { url: '/login', data: { user: null }, load: () => ({ user: loggedIn }), error: ErrorPage });
	const email = screen.getByLabelText('Email') as HTMLInputElement;
	const password = screen.getByLabelText('Password') as HTMLInputElement;
	return { user, email, password, ...rendered };
}

describe('an unmodified SvelteKit +page.svelte against MSW action handlers', () => {
	test('failure: the form prop shows it, what the user typed stays', async () => {
		const { user, email, password } = setup();
		await user.type(email, 'demo@example.com');
		await user.type(password, 'wrong');
		await user.click(screen.getByRole('button', { name: 'Log in' }));

		expect(await screen.findByText('Invalid credentials (400)')).toBeTruthy();
		expect(email.value).toBe('demo@example.com');
		expect(password.value).toBe('wrong');
		// A failure leaves focus where it was, as SvelteKit's applyAction does.
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log in' }));
		expect(login.requests.login).toHaveLength(1);
		expect(Object.fromEntries(login.requests.login[0].formData)).toEqual({ email: 'demo@example.com', password: 'wrong' });
	});

	test('failure with data echoed into the inputs', async () => {
		const { user } = setup();
		await user.click(screen.getByRole('button', { name: 'Log in' }));
		expect(await screen.findByText('The email field is required')).toBeTruthy();
	});

	test('success: the form prop shows the data, the form is reset', async () => {
		const { user, email, password } = setup();
		await user.type(email, 'new@example.com');
		await user.type(password, 'secret');
		await user.click(screen.getByRole('button', { name: 'Register' }));

		expect(await screen.findByText('Registered new@example.com: you can log in now.')).toBeTruthy();
		expect(email.value).toBe('');
		expect(password.value).toBe('');
		// A success resets focus to the top of the page (the body, its temporary tabindex gone).
		expect(document.activeElement).toBe(document.body);
		expect(document.body.hasAttribute('tabindex')).toBe(false);
		expect(login.requests.register).toHaveLength(1);
		expect(login.requests.login).toHaveLength(0);
	});

	test('redirect: goto with invalidateAll, so page.url and data follow', async () => {
		const { user, email, password, navigations } = setup();
		await user.type(email, 'demo@example.com');
		await user.type(password, 'demo');
		await user.click(screen.getByRole('button', { name: 'Log in' }));

		expect(await screen.findByText('Logged in as demo@example.com')).toBeTruthy();
		expect(navigations.map((url) => url.pathname)).toEqual(['/']);
		expect(location.pathname).toBe('/');
		expect(screen.getByText('You are on /')).toBeTruthy();
	});

	test('error(): the error page shows the status and message', async () => {
		const { user, email } = setup();
		await user.type(email, 'down@example.com');
		await user.click(screen.getByRole('button', { name: 'Log in' }));

		expect(await screen.findByRole('heading', { name: 'Sorry! (503)' })).toBeTruthy();
		expect(screen.getByText('Down for maintenance')).toBeTruthy();
		expect(screen.queryByLabelText('Email')).toBeNull();
	});

	test('an unexpected error: a 500 with a generic message', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const { user, email } = setup();
		await user.type(email, 'bug@example.com');
		await user.click(screen.getByRole('button', { name: 'Log in' }));

		expect(await screen.findByRole('heading', { name: 'Sorry! (500)' })).toBeTruthy();
		expect(screen.getByText('Internal Error')).toBeTruthy();
		expect(log).toHaveBeenCalledWith(new Error('database password leaked here'));
		log.mockRestore();
	});
});

describe('renderPage', () => {
	// The document's URL before any page was rendered (jsdom's `/`, browser mode's test page).
	const start = location.pathname;

	test('the form option renders the page as after a native POST', () => {
		renderPage(Page, { url: '/login', data: {}, form: { email: 'a@b.c', incorrect: true } });
		expect(screen.getByText(/Invalid credentials/)).toBeTruthy();
		expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('a@b.c');
	});

	test('the setup file unmounted the previous page and restored the URL', () => {
		expect(document.body.textContent?.trim()).toBe('');
		expect(document.querySelector('form')).toBeNull();
		expect(location.pathname).toBe(start);
	});

	test("without an error page, SvelteKit's default one", async () => {
		server.use(actionHandler('/login', { login: () => error(418, "I'm a teapot") }));
		renderPage(Page, { url: '/login', data: {} });
		await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
		expect(await screen.findByRole('heading', { name: '418' })).toBeTruthy();
		expect(screen.getByText("I'm a teapot")).toBeTruthy();
	});
});
