import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, enhance, page, repeat, submission, timeout, uploadProgress } from '../../src/lib/index.js';
import type { ActionResult, EnhanceOptions } from '../../src/lib/index.js';
import { actionHandler, actionResponse, fail } from '../../src/lib/testing/msw/index.js';
import { deferred } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { recordRequests } from '../helpers/requests.js';
import { until } from '../helpers/until.js';
import UploadProgress from '../fixtures/UploadProgress.svelte';
import { server } from '../setup/msw.js';

const BYTES = new Uint8Array(3000).map((_, i) => (i * 7) % 256);

beforeEach(() => {
	history.replaceState(null, '', '/upload');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
});
afterEach(() => history.replaceState(null, '', '/'));

/** The fixture with `options`; the user has typed a caption and picked a 3,000-byte file. */
async function pickAndUpload(options: EnhanceOptions = {}) {
	const user = userEvent.setup();
	render(UploadProgress, { options });
	await user.type(screen.getByLabelText('Caption'), 'Holiday');
	await user.upload(screen.getByLabelText('File'), new File([BYTES], 'photo.bin', { type: 'application/octet-stream' }));
	await user.click(screen.getByRole('button', { name: 'Upload' }));
	return user;
}

const progress = () => screen.getByRole('progressbar', { name: 'Upload' }) as HTMLProgressElement;

describe('uploadProgress(): the form posts through XMLHttpRequest', () => {
	test('the file reaches the mocked action, bytes and all; progress ends at the body size; the result is applied', async () => {
		let bodySize = 0;
		const upload = actionHandler('/upload', {
			default: async ({ request, formData }) => {
				bodySize = (await request.arrayBuffer()).byteLength;
				const file = formData.get('file') as File;
				expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...BYTES]);
				return { name: file.name, size: file.size };
			}
		});
		server.use(upload);
		await pickAndUpload();

		expect(await screen.findByText('Received photo.bin: 3000 bytes')).toBeTruthy();
		expect(upload.requests.default[0].formData.get('caption')).toBe('Holiday');
		// MSW reports upload progress once, at the end: the whole multipart body.
		expect(bodySize).toBeGreaterThan(BYTES.length);
		expect(screen.getByText(`${bodySize} of ${bodySize} bytes`)).toBeTruthy();
		expect([progress().value, progress().max]).toEqual([bodySize, bodySize]);
	});

	test('the request is the one fetch sends: same method, URL, headers and fields', async () => {
		const sent = recordRequests('/upload', () => actionResponse({ type: 'success', status: 200, data: { name: 'x', size: 0 } }));
		server.use(sent.handler);
		const user = await pickAndUpload();
		await screen.findByText('Received x: 0 bytes');
		// The same form, posted with the global fetch.
		await user.click(screen.getByRole('button', { name: 'Upload' }));
		await until(() => expect(sent.requests).toHaveLength(2));

		const [xhr, fetched] = sent.requests;
		const withoutBoundary = (headers: Record<string, string>) => ({
			...headers,
			'content-type': headers['content-type'].replace(/;.*/, '')
		});
		expect(xhr.method).toBe('POST');
		expect(xhr.url).toBe(fetched.url);
		expect(withoutBoundary(xhr.headers)).toMatchObject({
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': 'multipart/form-data'
		});
		expect(Object.keys(xhr.headers).sort()).toEqual(Object.keys(fetched.headers).filter((name) => name !== 'content-length').sort());
		expect([...xhr.formData!.keys()]).toEqual(['caption', 'file']);
	});

	test('a failure is applied, keeps what was typed, and progress still ends at the total', async () => {
		server.use(actionHandler('/upload', { default: () => fail(413, { name: 'too big', size: 3000 }) }));
		await pickAndUpload();
		expect(await screen.findByText('Received too big: 3000 bytes')).toBeTruthy();
		expect(page.status).toBe(413);
		expect((screen.getByLabelText('Caption') as HTMLInputElement).value).toBe('Holiday');
		expect(progress().value).toBe(progress().max);
		expect(progress().max).toBeGreaterThan(3000);
	});

	test('a network failure becomes an error result saying so; what was typed stays', async () => {
		const results: ActionResult[] = [];
		server.use(http.post('/upload', () => HttpResponse.error()));
		await pickAndUpload({ submit: () => ({ result }) => void results.push(result) });
		await until(() => expect(results).toHaveLength(1));
		expect(results[0]).toMatchObject({ type: 'error' });
		expect(results[0].type === 'error' && results[0].error.message).toBe('POST /upload failed: Failed to fetch');
		expect((screen.getByLabelText('Caption') as HTMLInputElement).value).toBe('Holiday');
	});

	test('a body that is not the protocol becomes an error result with the HTTP status', async () => {
		const results: ActionResult[] = [];
		server.use(http.post('/upload', () => new HttpResponse('<h1>Payload Too Large</h1>', { status: 413, headers: { 'content-type': 'text/html' } })));
		await pickAndUpload({ submit: () => ({ result }) => void results.push(result) });
		await until(() => expect(results).toHaveLength(1));
		expect(results[0]).toMatchObject({ type: 'error', status: 413 });
	});

	test('aborting through the controller ends the submission silently', async () => {
		const arrived = deferred();
		const callback = vi.fn();
		let controller!: AbortController;
		server.use(
			http.post('/upload', async () => {
				arrived.resolve();
				await new Promise(() => {});
			})
		);
		const state = submission();
		await pickAndUpload({ use: [state], submit: (input) => ((controller = input.controller), callback) });
		await arrived.promise;
		expect(state.submitting).toBe(true);
		controller.abort();
		// Over at once, though the server never answers; and it never calls back.
		await until(() => expect(state.submitting).toBe(false));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(callback).not.toHaveBeenCalled();
		expect(page.form).toBeNull();
	});

	test('`timeout` aborts the request and ends with an error result; the form keeps its values', async () => {
		const results: ActionResult[] = [];
		server.use(http.post('/upload', () => new Promise<never>(() => {})));
		await pickAndUpload({ use: [timeout(50)], submit: () => ({ result }) => void results.push(result) });
		await until(() => expect(results).toHaveLength(1), 100_000);
		expect(results[0].type === 'error' && results[0].error.message).toBe('POST /upload timed out after 50 ms');
		expect((screen.getByLabelText('Caption') as HTMLInputElement).value).toBe('Holiday');
	});

	test('a form without a file (URL-encoded) posts through it too; progress starts again at 0 with each request', async () => {
		const { handler, requests } = heldEndpoint('/upload');
		server.use(handler);
		document.body.innerHTML = '<form method="POST" action="/upload"><input name="caption" value="No file here"><button>Send</button></form>';
		const form = document.querySelector('form')!;
		const upload = uploadProgress();
		/** `sent` and `total` as each request starts. */
		const atStart: number[][] = [];
		const action = enhance(form, {
			fetch: (input, init) => {
				const response = upload.fetch(input, init);
				atStart.push([upload.sent, upload.total]);
				return response;
			}
		});
		const body = 'caption=No+file+here';

		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		expect(await requests[0].body).toEqual(new URLSearchParams({ caption: 'No file here' }));
		requests[0].answer({ type: 'failure', status: 400, data: { first: true } });
		await until(() => expect(page.form).toEqual({ first: true }));
		expect([upload.sent, upload.total]).toEqual([body.length, body.length]);

		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(2));
		requests[1].answer({ type: 'failure', status: 400, data: { second: true } });
		await until(() => expect(page.form).toEqual({ second: true }));
		expect([upload.sent, upload.total]).toEqual([body.length, body.length]);
		expect(atStart).toEqual([
			[0, 0],
			[0, 0]
		]);
		action.destroy();
		form.remove();
	});

	test("without `repeat()` and two requests under way, the newest one's progress is shown, not the older's", async () => {
		const { handler, requests } = heldEndpoint('/upload');
		server.use(handler);
		document.body.innerHTML = '<form method="POST" action="/upload"><input name="caption" value="first"><button>Send</button></form>';
		const form = document.querySelector('form')!;
		const upload = uploadProgress();
		const action = enhance(form, { fetch: upload.fetch });
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(1));
		form.querySelector('input')!.value = 'the second, longer';
		form.requestSubmit();
		await until(() => expect(requests).toHaveLength(2));

		// MSW reports a request's upload progress as it answers: the older one's comes in while the newer is under way.
		requests[0].answer({ type: 'failure', status: 400, data: { n: 0 } });
		await until(() => expect(page.form).toEqual({ n: 0 }));
		expect([upload.sent, upload.total]).toEqual([0, 0]);
		requests[1].answer({ type: 'failure', status: 400, data: { n: 1 } });
		await until(() => expect(page.form).toEqual({ n: 1 }));
		const newest = 'caption=the+second%2C+longer'.length;
		expect([upload.sent, upload.total]).toEqual([newest, newest]);
		action.destroy();
		form.remove();
	});

	test("`repeat('abort')` aborts the earlier upload; only the newer result is applied", async () => {
		const bodies: string[] = [];
		const answers: Array<(result: ActionResult) => void> = [];
		server.use(
			http.post('/upload', async ({ request }) => {
				bodies.push(String((await request.formData()).get('caption')));
				const answer = deferred<ActionResult>();
				answers.push(answer.resolve);
				return actionResponse(await answer.promise);
			})
		);
		const user = await pickAndUpload({ use: [repeat('abort')] });
		await until(() => expect(answers).toHaveLength(1));
		await user.type(screen.getByLabelText('Caption'), ' again');
		await user.click(screen.getByRole('button', { name: 'Upload' }));
		await until(() => expect(answers).toHaveLength(2));
		answers[1]({ type: 'success', status: 200, data: { name: 'second', size: 2 } });
		answers[0]({ type: 'success', status: 200, data: { name: 'first', size: 1 } });
		expect(await screen.findByText('Received second: 2 bytes')).toBeTruthy();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(screen.queryByText(/Received first/)).toBeNull();
		expect(bodies).toEqual(['Holiday', 'Holiday again']);
	});
});
