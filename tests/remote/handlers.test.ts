// The MSW handlers of remote functions (src/lib/testing/msw/remote-functions.ts): each answers the
// request SvelteKit's client sends with what SvelteKit's server would, and keeps what it received.
// Requests and replies here are the ones a SvelteKit 3.4.1 app exchanged (fixtures/kit3-remote).
import * as kit from '@sveltejs/kit';
import * as devalue from 'devalue';
import { getResponse, type HttpHandler } from 'msw';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { error, redirect } from '../../src/lib/server/index.js';
import { commandHandler, formHandler, queryBatchHandler, queryHandler, queryLiveHandler } from '../../src/lib/testing/msw/remote-functions.js';
import { registerRemote, type RemoteKind } from '../../src/lib/testing/remote/functions.js';
import { useTransport } from '../../src/lib/testing/remote/transport.js';
import { stringifyRemoteArg } from '../../src/lib/testing/remote/wire.js';

// What svelteKitTesting() gives the handlers in a SvelteKit project: SvelteKit's own predicates.
vi.mock('../../src/lib/testing/msw/kit.js', async () => {
	const { isActionFailure, isHttpError, isRedirect, isValidationError } = await import('@sveltejs/kit');
	return { kit: { isActionFailure, isHttpError, isRedirect, isValidationError } };
});

/** A remote function as the stub module registers it. */
function remote(name: string, kind: RemoteKind, hash = '1rlm6aw') {
	return registerRemote(Object.assign(() => {}, { label: name }), { id: `${hash}/${name}`, kind, label: `src/lib/x.remote.ts#${name}` });
}
const getPosts = remote('getPosts', 'query');
const getPost = remote('getPost', 'query');
const getLikes = remote('getLikes', 'query.batch');
const addLike = remote('addLike', 'command');
const createPost = remote('createPost', 'form', '1j9lczq');
const countdown = remote('countdown', 'query.live');

async function send(handler: HttpHandler, path: string, init?: RequestInit) {
	const response = await getResponse([handler], new Request(new URL(path, location.href), init));
	return response && { status: response.status, body: await response.text() };
}

describe('queryHandler', () => {
	const post = { id: '1', title: 'Hello remote functions', body: 'The first post.', likes: 0 };
	const handler = queryHandler(getPost, (id) => (id === '1' ? post : error(404, `No post ${id}`)));

	test('the value, as the call and under its key', async () => {
		expect(await send(handler, '/_app/remote/1rlm6aw/getPost?payload=WyIxIl0')).toEqual({
			status: 200,
			body: '{"type":"result","data":"[{\\"_\\":1,\\"q\\":6},{\\"id\\":2,\\"title\\":3,\\"body\\":4,\\"likes\\":5},\\"1\\",\\"Hello remote functions\\",\\"The first post.\\",0,{\\"1rlm6aw/getPost/WyIxIl0\\":7},{\\"v\\":1}]"}'
		});
		expect(handler.calls).toEqual(['1']);
	});

	test("error(): SvelteKit 3's error reply, with HTTP 200", async () => {
		expect(await send(handler, '/_app/remote/1rlm6aw/getPost?payload=WyI5OTkiXQ')).toEqual({ status: 200, body: '{"type":"error","error":{"status":404,"message":"No post 999"}}' });
	});

	test("SvelteKit's own error() and redirect() too", async () => {
		const body = { message: 'Gone', code: 'G' };
		const own = queryHandler(getPosts, () => kit.error(410, body));
		expect(JSON.parse((await send(own, '/_app/remote/1rlm6aw/getPosts'))!.body)).toEqual({ type: 'error', error: { code: 'G', status: 410, message: 'Gone' } });
		const away = queryHandler(getPosts, () => kit.redirect(307, '/login'));
		expect((await send(away, '/_app/remote/1rlm6aw/getPosts'))!.body).toBe('{"type":"result","data":"[{\\"redirect\\":1},\\"/login\\"]"}');
	});

	test("an unexpected error: SvelteKit's generic 500, the error logged, its message never sent", async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const broken = queryHandler(getPosts, () => {
			throw new Error('password=hunter2');
		});
		const reply = await send(broken, '/_app/remote/1rlm6aw/getPosts');
		expect(reply).toEqual({ status: 200, body: '{"type":"error","error":{"status":500,"message":"Internal Error"}}' });
		expect(logged).toHaveBeenCalledWith(new Error('password=hunter2'));
		logged.mockRestore();
	});

	test('only its own function: another id, another method, is not answered', async () => {
		expect(await send(handler, '/_app/remote/1rlm6aw/getPosts')).toBeUndefined();
		expect(await send(handler, '/_app/remote/1rlm6aw/getPost?payload=WyIxIl0', { method: 'POST' })).toBeUndefined();
	});
});

test("the app's transport hook: custom types decoded from arguments, encoded in replies", async () => {
	class Vector {
		constructor(
			readonly x: number,
			readonly y: number
		) {}
	}
	useTransport({ Vector: { encode: (value) => value instanceof Vector && [value.x, value.y], decode: ([x, y]) => new Vector(x, y) } });
	onTestFinished(() => useTransport({}));
	const handler = queryHandler(getPost, (at: unknown) => ({ at, next: new Vector(2, 3) }));
	const payload = stringifyRemoteArg(new Vector(1, 2), { Vector: (value) => value instanceof Vector && [value.x, value.y] });
	const reply = await send(handler, `/_app/remote/1rlm6aw/getPost?payload=${payload}`);
	expect(handler.calls).toEqual([new Vector(1, 2)]);
	expect(handler.calls[0]).toBeInstanceOf(Vector);
	const data = devalue.parse(JSON.parse(reply!.body).data, { Vector: ([x, y]: [number, number]) => new Vector(x, y) });
	expect(data).toEqual({ _: { at: new Vector(1, 2), next: new Vector(2, 3) }, q: { [`1rlm6aw/getPost/${payload}`]: { v: data._ } } });
	expect(data._.next).toBeInstanceOf(Vector);
});

describe('queryLiveHandler', () => {
	const live = (values: unknown[], end?: () => never) =>
		queryLiveHandler(countdown, async function* (from: unknown) {
			yield* values.map((value) => (value === 'from' ? from : value));
			end?.();
		});

	test('each new value an event, a repeated one not sent again, then the end', async () => {
		const handler = live([3, 3, 'from', 1, 0]);
		const response = await getResponse([handler], new Request(new URL('/_app/remote/1rlm6aw/countdown?payload=WzNd', location.href), { headers: { accept: 'text/event-stream' } }));
		expect([response?.status, response?.headers.get('content-type'), response?.headers.get('cache-control')]).toEqual([200, 'text/event-stream', 'private, no-store']);
		// 3, 3 (the argument, sent once), 1, 0.
		expect(await response?.text()).toBe(['[3]', '[1]', '[0]'].map((result) => `data: {"type":"result","result":"${result}"}\n\n`).join(''));
		expect(handler.calls).toEqual([3]);
	});

	test('error() and redirect() end the stream with their event', async () => {
		const failed = await send(live([1], () => error(503, 'Down')), '/_app/remote/1rlm6aw/countdown');
		expect(failed?.body).toBe('data: {"type":"result","result":"[1]"}\n\ndata: {"type":"error","error":{"status":503,"message":"Down"}}\n\n');
		const moved = await send(live([], () => redirect(307, '/elsewhere')), '/_app/remote/1rlm6aw/countdown');
		expect(moved?.body).toBe('data: {"type":"redirect","location":"/elsewhere"}\n\n');
	});
});

test('queryBatchHandler: one result per argument, an error() for one alone', async () => {
	const handler = queryBatchHandler(getLikes, () => (id) => (id === '9' ? error(404, 'No post 9') : Number(id) * 2));
	const reply = await send(handler, '/_app/remote/1rlm6aw/getLikes', { method: 'POST', body: JSON.stringify({ payloads: ['WyIxIl0', 'WyI5Il0'] }) });
	expect(reply?.body).toBe('{"type":"result","data":"[{\\"_\\":1},[2,5],{\\"type\\":3,\\"data\\":4},\\"result\\",2,{\\"type\\":6,\\"error\\":7},\\"error\\",{\\"status\\":8,\\"message\\":9},404,\\"No post 9\\"]"}');
	expect(handler.calls).toEqual([['1', '9']]);
});

describe('commandHandler', () => {
	test("the value and the refreshes the client asked for, as SvelteKit 3.4.1's server sent them", async () => {
		const handler = commandHandler(addLike, (id, { requested, refresh }) => {
			for (const post of requested(getLikes)) refresh(getLikes, post, 3);
			return 3;
		});
		const body = JSON.stringify({ payload: 'WyIyIl0', refreshes: ['1rlm6aw/getLikes/WyIyIl0'] });
		expect((await send(handler, '/_app/remote/1rlm6aw/addLike', { method: 'POST', body }))?.body).toBe(
			'{"type":"result","data":"[{\\"_\\":1,\\"r\\":2,\\"q\\":3},3,true,{\\"1rlm6aw/getLikes/WyIyIl0\\":4},{\\"v\\":1}]"}'
		);
		expect(handler.calls).toEqual(['2']);
	});

	test('a refresh of a query without argument; none asked for', async () => {
		const handler = commandHandler(addLike, (id, { refresh, requested }) => refresh(getPosts, [requested(getLikes).length]));
		const reply = await send(handler, '/_app/remote/1rlm6aw/addLike', { method: 'POST', body: JSON.stringify({ payload: 'WyIzIl0', refreshes: [] }) });
		expect(reply?.body).toBe('{"type":"result","data":"[{\\"_\\":-1,\\"r\\":1,\\"q\\":2},true,{\\"1rlm6aw/getPosts/\\":3},{\\"v\\":4},[5],0]"}');
	});

	test('a redirect keeps the refreshes made before it', async () => {
		const handler = commandHandler(addLike, (id, { refresh }) => {
			refresh(getPost, id, null);
			redirect(303, '/done');
		});
		const reply = await send(handler, '/_app/remote/1rlm6aw/addLike', { method: 'POST', body: JSON.stringify({ payload: 'WyIyIl0' }) });
		expect(reply?.body).toBe(`{"type":"result","data":"[{\\"redirect\\":1,\\"r\\":2,\\"q\\":3},\\"/done\\",true,{\\"1rlm6aw/getPost/${stringifyRemoteArg('2')}\\":4},{\\"v\\":5},null]"}`);
	});

	test('refresh() of something that is not a query: a clear error', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const handler = commandHandler(addLike, (id, { refresh }) => (refresh as (...args: unknown[]) => void)(addLike, 1));
		await send(handler, '/_app/remote/1rlm6aw/addLike', { method: 'POST', body: JSON.stringify({ payload: '' }) });
		expect(logged).toHaveBeenCalledWith(new Error('refresh: src/lib/x.remote.ts#addLike is a command(), not a query().'));
		logged.mockRestore();
	});
});

describe('formHandler', () => {
	/** The binary body SvelteKit's client sent for `createPost` with these fields. */
	const submitted = (header: string) => {
		const bytes = new TextEncoder().encode(header);
		const body = new Uint8Array(7 + bytes.byteLength);
		new DataView(body.buffer).setUint32(1, bytes.byteLength, true);
		body.set(bytes, 7);
		return body;
	};
	const post = (header: string) => ({ method: 'POST', headers: { 'content-type': 'application/x-sveltekit-formdata' }, body: submitted(header) });
	const handler = formHandler(createPost, ({ title }, issue) => {
		if (title === 'Hello remote functions') kit.invalid(issue.title(`“${title}” is taken.`));
		if (title === 'down') error(503, 'Down');
		if (title === 'away') redirect(303, '/posts/4');
		return { id: '4', title };
	});

	test('a result, as SvelteKit 3.4.1 sent it', async () => {
		const reply = await send(handler, '/_app/remote/1j9lczq/createPost', post('[[1,4],{"title":2,"body":3},"A new post","Its body.",{"remote_refreshes":5},[]]'));
		expect(reply?.body).toBe('{"type":"result","data":"[{\\"_\\":1},{\\"submission\\":2,\\"result\\":3},true,{\\"id\\":4,\\"title\\":5},\\"4\\",\\"A new post\\"]"}');
		expect(handler.calls.at(-1)).toEqual({ title: 'A new post', body: 'Its body.' });
	});

	test("invalid(): the issues alone, as SvelteKit 3.4.1 sent them", async () => {
		const reply = await send(handler, '/_app/remote/1j9lczq/createPost', post('[[1,4],{"title":2,"body":3},"Hello remote functions","Again.",{"remote_refreshes":5},[]]'));
		expect(reply?.body).toBe(
			'{"type":"result","data":"[{\\"_\\":1},{\\"submission\\":2,\\"issues\\":3},true,[4],{\\"name\\":5,\\"path\\":6,\\"message\\":7,\\"server\\":2},\\"title\\",[5],\\"“Hello remote functions” is taken.\\"]"}'
		);
	});

	test(".validate(): the schema's issues alone, the form's function never run", async () => {
		const answered = vi.fn(() => ({ id: '4', title: 'x' }));
		const validating = formHandler(createPost, answered, { validate: ({ title }, issue) => (title.length < 3 ? kit.invalid(issue.title('Too short')) : undefined) });
		const short = await send(validating, '/_app/remote/1j9lczq/createPost', post('[[1,3],{"title":2},"ab",{"validate_only":4},true]'));
		expect(short?.body).toBe('{"type":"result","data":"[{\\"_\\":1},[2],{\\"name\\":3,\\"path\\":4,\\"message\\":5,\\"server\\":6},\\"title\\",[3],\\"Too short\\",true]"}');
		const fine = await send(validating, '/_app/remote/1j9lczq/createPost', post('[[1,3],{"title":2},"long enough",{"validate_only":4},true]'));
		expect(fine?.body).toBe('{"type":"result","data":"[{\\"_\\":1},[]]"}');
		// Without the checks, the schema is taken to accept everything.
		expect((await send(handler, '/_app/remote/1j9lczq/createPost', post('[[1,3],{"title":2},"ab",{"validate_only":4},true]')))?.body).toBe('{"type":"result","data":"[{\\"_\\":1},[]]"}');
		expect([answered.mock.calls.length, validating.calls.length]).toEqual([0, 0]);
	});

	test('redirect() and error()', async () => {
		expect((await send(handler, '/_app/remote/1j9lczq/createPost', post('[[1,3],{"title":2},"away",{},[]]')))?.body).toBe('{"type":"result","data":"[{\\"redirect\\":1},\\"/posts/4\\"]"}');
		expect((await send(handler, '/_app/remote/1j9lczq/createPost', post('[[1,3],{"title":2},"down",{},[]]')))?.body).toBe('{"type":"error","error":{"status":503,"message":"Down"}}');
	});
});

test('a handler of the wrong kind, or of something else: an error that says what to pass', () => {
	expect(() => queryHandler(addLike, () => 1)).toThrow('queryHandler: src/lib/x.remote.ts#addLike is a command(), not a query().');
	expect(() => formHandler({}, () => 1)).toThrow("formHandler: expected a remote function imported from a .remote.ts (or .remote.js) file, got an object. Remote functions are recognised in component tests (browser mode or jsdom) of a project whose Vite config has svelteKitTesting() from 'svelte-form-actions/vite'.");
	expect(() => commandHandler(function save() {}, () => 1)).toThrow('commandHandler: expected a remote function imported from a .remote.ts (or .remote.js) file, got the function save.');
	expect(() => formHandler({ method: 'POST', action: '?/remote=1j9lczq%2FrenamePost%2F%222%22' }, () => 1)).toThrow(
		"formHandler: expected a remote function imported from a .remote.ts (or .remote.js) file, got a form's .for(key) instance: pass the form itself, whose handler answers every key (its `id`)."
	);
});
