import * as devalue from 'devalue';
import { expect, test } from 'vitest';

test('this test runs without a DOM', () => {
	expect(typeof window).toBe('undefined');
	expect(typeof document).toBe('undefined');
});

test('importing the library touches no browser global', async () => {
	const lib = await import('../../src/lib/index.js');
	expect(Object.keys(lib).sort()).toEqual(
		[
			'ErrorBoundary',
			'Resource',
			'Submission',
			'Unsaved',
			'UploadProgress',
			'announce',
			'applyAction',
			'clearPage',
			'configure',
			'deserialize',
			'enhance',
			'enhancement',
			'focusInvalid',
			'formResult',
			'goto',
			'invalidateAll',
			'onInvalidate',
			'page',
			'repeat',
			'resource',
			'submission',
			'sveltekit3',
			'timeout',
			'unsaved',
			'uploadProgress'
		].sort()
	);
});

test('browser-only functions throw a clear error on the server', async () => {
	const { enhance, applyAction, goto, invalidateAll } = await import('../../src/lib/index.js');
	expect(() => enhance({} as HTMLFormElement)).toThrow('enhance() can only be used in the browser');
	await expect(applyAction({ type: 'success', status: 200 })).rejects.toThrow('applyAction() can only be called in the browser');
	await expect(goto('/')).rejects.toThrow('goto() can only be called in the browser');
	await expect(invalidateAll()).rejects.toThrow('invalidateAll() can only be called in the browser');
});

test('deserialize works on the server', async () => {
	const { deserialize } = await import('../../src/lib/index.js');
	const data = devalue.stringify({ at: new Date(0), n: 1n });
	expect(deserialize(JSON.stringify({ type: 'success', status: 200, data }))).toEqual({
		type: 'success',
		status: 200,
		data: { at: new Date(0), n: 1n }
	});
});

test('page only ever holds its initial values on the server', async () => {
	const { page, applyAction } = await import('../../src/lib/index.js');
	await applyAction({ type: 'failure', status: 400, data: { leaked: true } }).catch(() => {});
	expect([page.form, page.status, page.error]).toEqual([null, 200, null]);
});

test('formResult gives the server-rendered form prop on the server', async () => {
	const { formResult } = await import('../../src/lib/index.js');
	expect(formResult({ email: 'a@b.c', missing: true })).toEqual({ email: 'a@b.c', missing: true });
});

test('a resource renders its initial value on the server and loads nothing', async () => {
	const { resource } = await import('../../src/lib/index.js');
	let loads = 0;
	const todos = resource(() => ++loads, 0);
	expect([todos.current, todos.loading, loads]).toEqual([0, false, 0]);
});

test('the submission state, announce() and focusInvalid() can be created on the server', async () => {
	const { submission, announce, focusInvalid, enhancement, repeat, timeout } = await import('../../src/lib/index.js');
	const save = submission();
	expect([save.submitting, save.delayed, save.timedOut, save.formData, save.result]).toEqual([false, false, false, null, null]);
	expect(typeof announce().start).toBe('function');
	expect(typeof focusInvalid().start).toBe('function');
	// Plugs are made while a component initialises, on the server too.
	expect([typeof repeat('abort').start, typeof repeat('prevent').submit, typeof timeout(1000).start]).toEqual(['function', 'function', 'function']);
	// An attachment only runs in the browser; making one on the server touches nothing.
	expect(typeof enhancement(() => ({}))).toBe('function');
});

test('the server entry exports its names, and works without a DOM', async () => {
	const server = await import('../../src/lib/server/index.js');
	expect(Object.keys(server).sort()).toEqual(['actionResponse', 'error', 'fail', 'formActions', 'redirect', 'setTransport']);
	const handle = server.formActions({ default: () => ({ at: new Date(0) }) });
	const response = await handle(
		new Request('http://a.test/', { method: 'POST', headers: { origin: 'http://a.test', 'content-type': 'text/plain' }, body: '' })
	);
	expect(await response.text()).toBe('{"type":"success","status":200,"data":"[{\\"at\\":1},[\\"Date\\",\\"1970-01-01T00:00:00.000Z\\"]]"}');
});
