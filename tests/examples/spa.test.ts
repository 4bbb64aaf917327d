import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, expect, test, vi } from 'vitest';
import App from '../../examples/spa/src/App.svelte';
import { createApi } from '../../examples/spa/src/api.js';
import { page } from '../../src/lib/index.js';
import { server } from '../setup/msw.js';

// The example's own back end answers, through MSW, at the URLs the app posts to.
beforeEach(() => {
	const handle = createApi();
	// A browser sends the page's Origin with every POST; jsdom's fetch does not, so it is added
	// here (the API refuses form posts from other sites, as SvelteKit does).
	server.use(
		http.all('/api/*', async ({ request }) => {
			const headers = new Headers(request.headers);
			headers.set('origin', location.origin);
			return (await handle(new Request(request, { headers })))!;
		})
	);
});

function items() {
	return within(screen.getByRole('list', { name: 'Todos' }))
		.queryAllByRole('listitem')
		.map((item) => item.textContent);
}

test('the SPA loads its data, posts to /api, shows the result and refreshes the data', async () => {
	const user = userEvent.setup();
	render(App);
	await vi.waitFor(() => expect(items()).toEqual(['Read the README']));

	await user.type(screen.getByLabelText('New todo'), 'Write tests');
	await user.click(screen.getByRole('button', { name: 'Add' }));
	expect(await screen.findByText(/^Added “Write tests” at/)).toBeTruthy();
	// devalue brought a real Date over the wire.
	expect(page.form.at).toBeInstanceOf(Date);
	await vi.waitFor(() => expect(items()).toEqual(['Read the README', 'Write tests']));
	expect((screen.getByLabelText('New todo') as HTMLInputElement).value).toBe('');
});

test('a failure shows beside the form and keeps the page data', async () => {
	const user = userEvent.setup();
	render(App);
	await user.click(screen.getByRole('button', { name: 'Add' }));
	expect(await screen.findByText('Write something first.')).toBeTruthy();
	expect(page.status).toBe(400);
});

test('an error shows in the root boundary, takes focus, and keeps what was typed', async () => {
	const user = userEvent.setup();
	render(App);
	await user.type(screen.getByLabelText('New todo'), 'half-written');
	await user.click(screen.getByRole('button', { name: 'Clear all' }));
	const alert = await screen.findByRole('alert');
	expect(alert.textContent).toContain('Clearing is switched off in this example');
	expect(document.activeElement).toBe(alert);
	expect((screen.getByLabelText('New todo') as HTMLInputElement).value).toBe('half-written');
	await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
	expect(screen.queryByRole('alert')).toBeNull();
});

test("after an error, the earlier failure's message is gone (what was typed stays)", async () => {
	const user = userEvent.setup();
	render(App);
	await user.click(screen.getByRole('button', { name: 'Add' }));
	expect(await screen.findByText('Write something first.')).toBeTruthy();
	await user.type(screen.getByLabelText('New todo'), 'half-written');
	await user.click(screen.getByRole('button', { name: 'Clear all' }));
	await screen.findByRole('alert');
	expect(screen.queryByText('Write something first.')).toBeNull();
	expect((screen.getByLabelText('New todo') as HTMLInputElement).value).toBe('half-written');
});
