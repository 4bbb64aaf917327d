import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { configure } from '../../src/lib/index.js';
import { actionHandler, fail, redirect } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import Subscribe from './Subscribe.svelte';


const newsletter = actionHandler('/', {
	subscribe: ({ formData }) => {
		const email = String(formData.get('email'));
		if (!email.includes('@')) return fail(422, { email, invalid: true });
		return { subscribed: email };
	}
});

test('a plain Svelte component: failure, then success, against the handler', async () => {
	server.use(newsletter);
	const user = userEvent.setup();
	render(Subscribe);

	await user.type(screen.getByLabelText('Email'), 'nope');
	await user.click(screen.getByRole('button'));
	expect((await screen.findByRole('alert')).textContent).toBe('Please enter a valid email');
	expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('nope');

	await user.clear(screen.getByLabelText('Email'));
	await user.type(screen.getByLabelText('Email'), 'me@example.com');
	await user.click(screen.getByRole('button'));
	expect((await screen.findByRole('status')).textContent).toBe('Subscribed me@example.com');

	expect(newsletter.requests.subscribe.map((r) => r.formData.get('email'))).toEqual(['nope', 'me@example.com']);
});

test("a redirect to this origin goes through the configured goto, which a test records", async () => {
	server.use(actionHandler('/', { subscribe: () => redirect(303, '/thanks') }));
	const navigations: string[] = [];
	configure({ goto: (url, { invalidateAll }) => void navigations.push(`${url} ${invalidateAll}`) });
	render(Subscribe);
	await userEvent.click(screen.getByRole('button'));
	await expect.poll(() => navigations).toEqual([`${location.origin}/thanks true`]);
});
