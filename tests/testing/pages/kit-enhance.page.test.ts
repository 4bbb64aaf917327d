// `$app/forms`' enhance in the test kit is SvelteKit's behaviour, not this library's: app code
// that throws escapes as an unhandled rejection (Vitest reports it and fails the run), and the
// page stays as it was, as in the app.
import { screen } from '@testing-library/svelte';
import { actionHandler, error } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test, vi } from 'vitest';
import { server } from '../../setup/msw.js';

test('a callback that re-throws an error result: the rejection escapes enhance, the page and its status stay', async () => {
	server.use(actionHandler('/rethrow', { save: () => error(503, 'Down for maintenance') }));
	// The submit listener enhance adds, called directly: its promise is what escapes in the app.
	const listen = vi.spyOn(HTMLFormElement.prototype, 'addEventListener');
	await renderPage('/rethrow');
	const [, submitListener] = listen.mock.calls.find(([type]) => type === 'submit')!;
	listen.mockRestore();
	const button = screen.getByRole('button', { name: 'Save' });
	const submitted = (submitListener as (event: Event) => Promise<void>)(new SubmitEvent('submit', { submitter: button, cancelable: true }));
	await expect(submitted).rejects.toThrow('Rethrown: Down for maintenance');
	expect(screen.queryByRole('heading', { name: /error/ })).toBeNull();
	expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
	expect(screen.getByText('Status 200')).toBeTruthy();
});
