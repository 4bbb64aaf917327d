import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { actionHandler } from '../../src/lib/testing/msw/index.js';
import Upload from '../fixtures/Upload.svelte';
import { server } from '../setup/msw.js';

test("files picked with user-event's upload() reach the mocked action, bytes and all", async () => {
	history.replaceState(null, '', '/upload');
	const upload = actionHandler('/upload', {
		default: ({ formData }) => ({ names: formData.getAll('files').map((file) => (file as File).name) })
	});
	server.use(upload);
	const user = userEvent.setup();
	render(Upload);
	await user.type(screen.getByLabelText('Caption'), 'Holiday');
	await user.upload(screen.getByLabelText('Files'), [
		new File(['first bytes'], 'a.txt', { type: 'text/plain' }),
		new File([new Uint8Array([0, 255, 1])], 'b.bin', { type: 'application/octet-stream' })
	]);
	await user.click(screen.getByRole('button', { name: 'Upload' }));
	expect(await screen.findByText('Received a.txt, b.bin')).toBeTruthy();

	const sent = upload.requests.default[0].formData;
	const [a, b] = sent.getAll('files') as File[];
	expect(sent.get('caption')).toBe('Holiday');
	expect([a.name, a.type, await a.text()]).toEqual(['a.txt', 'text/plain', 'first bytes']);
	expect([...new Uint8Array(await b.arrayBuffer())]).toEqual([0, 255, 1]);
	// An input with no file selected still sends its entry (an empty, nameless file), as browsers do.
	expect(sent.has('optional')).toBe(true);
	history.replaceState(null, '', '/');
});
