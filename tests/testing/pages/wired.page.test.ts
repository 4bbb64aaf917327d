import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler, error, fail } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { describe, expect, test } from 'vitest';
import { server } from '../../setup/msw.js';
import Wired from './wired/Wired.svelte';

// In the test kit, `svelte-form-actions/sveltekit` is a stand-in: a root layout that calls
// `configure(sveltekit)` renders, and results reach the page as SvelteKit would show them.
describe('a root layout with configure(sveltekit), rendered by the test kit', () => {
	test('a Svelte 4-syntax page shows results through its `export let form`', async () => {
		server.use(
			actionHandler('/wired', {
				save: async ({ request }) => {
					const title = (await request.formData()).get('title');
					return title ? { saved: title } : fail(400, { missing: true });
				}
			})
		);
		renderPage(Wired, { url: '/wired' });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Title missing');
		await user.type(screen.getByLabelText('Title'), 'Hello');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Saved Hello');
		expect(screen.queryByRole('alert')).toBeNull();
	});

	test('an error result renders the error page, once (no loop through configure)', async () => {
		server.use(actionHandler('/wired', { save: () => error(503, 'Down for maintenance') }));
		renderPage(Wired, { url: '/wired' });
		await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('heading', { name: '503' })).toBeTruthy();
		expect(screen.getByText('Down for maintenance')).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
	});
});
