// A mocked action gets the environment's own `File` (jsdom's under jsdom), both in the parsed
// `formData` and through `request.formData()`, as superforms' `superValidate(request)` reads it.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test } from 'vitest';
import { server } from '../../setup/msw.js';

async function describeFile(value: FormDataEntryValue | null) {
	if (!(value instanceof File)) return `not a File: ${Object.prototype.toString.call(value)}`;
	return `${value.name} ${value.type} "${await value.text()}"`;
}

/** Selects `file` as a user would: user-event under jsdom, the browser's own file list in a browser. */
async function choose(input: HTMLInputElement, file: File) {
	if (typeof DataTransfer === 'undefined') return userEvent.upload(input, file);
	const transfer = new DataTransfer();
	transfer.items.add(file);
	input.files = transfer.files;
	input.dispatchEvent(new Event('change', { bubbles: true }));
}

test("files reach the action as the environment's File, parsed and through the request", async () => {
	server.use(
		actionHandler('/upload', {
			upload: async ({ formData, request }) => ({
				report: `parsed: ${await describeFile(formData.get('file'))}; request: ${await describeFile((await request.formData()).get('file'))}`
			})
		})
	);
	await renderPage('/upload');
	await choose(screen.getByLabelText('File') as HTMLInputElement, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
	await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
	expect((await screen.findByText(/^parsed:/)).textContent).toBe('parsed: notes.txt text/plain "hello"; request: notes.txt text/plain "hello"');
});
