// The test kit never wires the library for the app: this library's results reach SvelteKit's
// form prop, `$app/state` and error pages only when the app's root layout calls
// `configure(sveltekit)` (tests/testing/pages/routes/+layout.svelte does), or when a test that
// renders no root layout asks for it with `wiring: true`. Unwired, the test sees what the app
// shows: nothing.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler, error, fail, redirect } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { describe, expect, test } from 'vitest';
import { reports } from '../../helpers/reports.js';
import { server } from '../../setup/msw.js';
import Ours from './routes/ours/+page.svelte';

const save = actionHandler('/ours', {
	save: async ({ formData }) => {
		const title = formData.get('title');
		if (title === 'down') error(503, 'Down for maintenance');
		if (title === 'go') redirect(303, '/done');
		return title ? { saved: title } : fail(400, { missing: true });
	}
});

async function submit(title = '') {
	if (title) await userEvent.type(screen.getByLabelText('Title'), title);
	await userEvent.click(screen.getByRole('button', { name: 'Save' }));
}

/** Waits for the submission to be answered and applied (to this library's `page` at least). */
async function settled() {
	await expect.poll(() => save.requests.save?.length ?? 0).toBe(1);
	await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('wired by the root layout of the routes', () => {
	test('a failure reaches the form prop and $app/state', async () => {
		server.use(save);
		await renderPage('/ours');
		await submit();
		expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Title missing');
		expect(screen.getByText('State form: {"missing":true}, status 400')).toBeTruthy();
	});

	test('an error renders the error page', async () => {
		server.use(save);
		await renderPage('/ours');
		await submit('down');
		expect(await screen.findByRole('heading', { name: 'Root error 503: Down for maintenance' })).toBeTruthy();
	});
});

const unwired: Array<[string, () => unknown]> = [
	['a route with layouts: false', () => renderPage('/ours', { layouts: false })],
	['the page component', () => renderPage(Ours, { url: '/ours' })]
];

describe.each(unwired)('not wired: %s', (_, render) => {
	test('a redirect is a full navigation (recorded; the document cannot leave), not the router\'s', async () => {
		server.use(save);
		const { navigations } = (await render()) as { navigations: URL[] };
		await submit('go');
		await expect.poll(() => navigations.map((url) => url.pathname)).toEqual(['/done']);
		expect(location.pathname).toBe('/ours');
	});

	test('a failure reaches neither the form prop nor $app/state, as in an app that never calls configure(sveltekit)', async () => {
		server.use(save);
		await render();
		await submit();
		await settled();
		expect(screen.queryByRole('alert')).toBeNull();
		expect(screen.getByText('State form: null, status 200')).toBeTruthy();
	});

	test('an error renders no error page; it is reported on window instead, never silent', async () => {
		server.use(save);
		const reported = reports();
		await render();
		await submit('down');
		await settled();
		await expect.poll(() => reported.map((error) => error.message)).toEqual(['error result of POST /ours?/save (503: Down for maintenance)']);
		expect(screen.queryByRole('heading', { name: /error/ })).toBeNull();
		expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
	});
});

const wiredByOption: Array<[string, () => unknown]> = [
	['a route with layouts: false', () => renderPage('/ours', { layouts: false, wiring: true })],
	['the page component', () => renderPage(Ours, { url: '/ours', wiring: true })]
];

describe.each(wiredByOption)('wiring: true, %s', (_, render) => {
	test('results reach the form prop, $app/state and the error page', async () => {
		server.use(save);
		await render();
		await submit();
		expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Title missing');
		expect(screen.getByText('State form: {"missing":true}, status 400')).toBeTruthy();
		await userEvent.clear(screen.getByLabelText('Title'));
		await submit('down');
		expect(await screen.findByRole('heading', { name: /503/ })).toBeTruthy();
	});
});

test('renderPage defines the global of a SvelteKit page under vite dev, and removes it with the page', async () => {
	expect('__sveltekit_dev' in globalThis).toBe(false);
	const { unmount } = await renderPage('/ours');
	expect('__sveltekit_dev' in globalThis).toBe(true);
	unmount();
	expect('__sveltekit_dev' in globalThis).toBe(false);
});
