// renderPage given the page component (docs/testing.md, `renderPage(Page, options?)`): the wrong
// password, then the right one.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler, fail, redirect } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test } from 'vitest';
import { server } from '../../setup/msw.js';
import Page from './login/+page.svelte';

// The server side of the page, as small as the test needs it.
const login = actionHandler('/login', {
	login: ({ formData }) => {
		const email = formData.get('email');
		if (formData.get('password') !== 'demo') return fail(400, { email, incorrect: true });
		redirect(303, '/');
	}
});

test('wrong password, then the right one', async () => {
	server.use(login);
	const user = userEvent.setup();
	const { navigations } = renderPage(Page, { url: '/login', data: {} });

	await user.type(screen.getByLabelText('Email'), 'demo@example.com');
	await user.type(screen.getByLabelText('Password'), 'oops');
	await user.click(screen.getByRole('button', { name: 'Log in' }));

	// fail(400, …) became the `form` prop; what the user typed is still there.
	expect(await screen.findByText('Invalid credentials (400)')).toBeTruthy();
	expect(screen.getByLabelText('Email')).toHaveProperty('value', 'demo@example.com');

	await user.clear(screen.getByLabelText('Password'));
	await user.type(screen.getByLabelText('Password'), 'demo');
	await user.click(screen.getByRole('button', { name: 'Log in' }));

	// redirect(303, '/') became goto('/', { invalidateAll: true }).
	await expect.poll(() => navigations.map((url) => url.pathname)).toEqual(['/']);
	expect(login.requests.login.map((request) => request.formData.get('password'))).toEqual(['oops', 'demo']);
});
