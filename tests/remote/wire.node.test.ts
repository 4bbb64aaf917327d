// The wire of SvelteKit 3's remote functions (src/lib/testing/remote/wire.ts), against bytes a
// SvelteKit 3.4.1 server and client exchanged (recorded from fixtures/kit3-remote in Chromium by
// tests/e2e/remote-functions.e2e.ts, which checks them against a live server on every run).
import * as devalue from 'devalue';
import { describe, expect, test } from 'vitest';
import { decodeBinaryForm, liveEvent, liveEvents, normalizeIssue, parseRemoteArg, remoteKey, resultReply, splitRemoteKey, stringifyRemoteArg } from '../../src/lib/testing/remote/wire.js';

describe('arguments', () => {
	test("a string argument is the client's ?payload=", () => {
		expect(stringifyRemoteArg('2')).toBe('WyIyIl0');
		expect(stringifyRemoteArg('999')).toBe('WyI5OTkiXQ');
		expect(parseRemoteArg('WyI5OTkiXQ')).toBe('999');
	});

	test('no argument is an empty payload, and back', () => {
		expect(stringifyRemoteArg(undefined)).toBe('');
		expect(parseRemoteArg('')).toBeUndefined();
		expect(parseRemoteArg(null)).toBeUndefined();
	});

	test('objects, maps and sets are keyed the same whatever their order', () => {
		expect(stringifyRemoteArg({ b: 1, a: { d: 2, c: 3 } })).toBe(stringifyRemoteArg({ a: { c: 3, d: 2 }, b: 1 }));
		expect(stringifyRemoteArg(new Map([['y', 1], ['x', 2]]))).toBe(stringifyRemoteArg(new Map([['x', 2], ['y', 1]])));
		expect(stringifyRemoteArg(new Set(['b', 'a']))).toBe(stringifyRemoteArg(new Set(['a', 'b'])));
	});

	test('every kind comes back as it went', () => {
		const value = { when: new Date(0), tags: new Set(['a', 'b']), scores: new Map([['x', 1]]), list: [1, 'two', null], nested: { ok: true } };
		expect(parseRemoteArg(stringifyRemoteArg(value))).toEqual(value);
	});

	test('the base64 is URL- and file-name-safe (no +, / or =)', () => {
		const payload = stringifyRemoteArg('~~~???>>>');
		expect(payload).not.toMatch(/[+/=]/);
		expect(parseRemoteArg(payload)).toBe('~~~???>>>');
	});

	test('a regular expression is refused, as by SvelteKit', () => {
		expect(() => stringifyRemoteArg(/x/)).toThrow('Regular expressions are not supported');
	});

	test('keys: <id>/<payload>, the id holding a slash itself', () => {
		expect(remoteKey('1rlm6aw/getPost', 'WyIyIl0')).toBe('1rlm6aw/getPost/WyIyIl0');
		expect(splitRemoteKey('1rlm6aw/getPosts/')).toEqual({ id: '1rlm6aw/getPosts', payload: '' });
		expect(() => splitRemoteKey('nothing')).toThrow('Invalid remote key: nothing');
	});
});

describe('replies', () => {
	test("a query's reply, byte for byte as SvelteKit's", () => {
		const post = { id: '1', title: 'Hello remote functions', body: 'The first post.', likes: 0 };
		const reply = resultReply({ _: post, q: { '1rlm6aw/getPost/WyIxIl0': { v: post } } });
		expect(JSON.stringify(reply)).toBe(
			'{"type":"result","data":"[{\\"_\\":1,\\"q\\":6},{\\"id\\":2,\\"title\\":3,\\"body\\":4,\\"likes\\":5},\\"1\\",\\"Hello remote functions\\",\\"The first post.\\",0,{\\"1rlm6aw/getPost/WyIxIl0\\":7},{\\"v\\":1}]"}'
		);
	});

	test("a command's reply without value, with the server's refresh", () => {
		const reply = resultReply({ _: undefined, r: true, q: { '1rlm6aw/getPosts/': { v: [] } } });
		expect(reply).toEqual({ type: 'result', data: '[{"_":-1,"r":1,"q":2},true,{"1rlm6aw/getPosts/":3},{"v":4},[]]' });
	});
});

describe('form submissions', () => {
	/** SvelteKit's binary form, built as its client does (form-utils.js `serialize_binary_form`). */
	async function binary(data: Record<string, unknown>, meta: Record<string, unknown>): Promise<Uint8Array> {
		const files: File[] = [];
		const header = new TextEncoder().encode(devalue.stringify([data, meta], { File: (file) => file instanceof File && [file.name, file.type, file.size, file.lastModified, files.push(file) - 1] }));
		const offsets: number[] = [];
		let start = 0;
		for (const file of files) (offsets.push(start), (start += file.size));
		const table = files.length ? JSON.stringify(offsets) : '';
		const lengths = new DataView(new ArrayBuffer(6));
		lengths.setUint32(0, header.byteLength, true);
		lengths.setUint16(4, table.length, true);
		return new Uint8Array(await new Blob([new Uint8Array([0]), lengths.buffer, header, table, ...files]).arrayBuffer());
	}

	test('fields and meta', async () => {
		const bytes = await binary({ title: 'A new post', body: 'Its body.' }, { remote_refreshes: [] });
		expect(decodeBinaryForm(bytes)).toEqual({ data: { title: 'A new post', body: 'Its body.' }, meta: { remote_refreshes: [] } });
	});

	test('files, with their name, type and bytes', async () => {
		const bytes = await binary({ note: 'see', attachment: new File(['Hello, remote file!'], 'hello.txt', { type: 'text/plain', lastModified: 7 }), more: [new File(['ab'], 'b.bin')] }, {});
		const { data } = decodeBinaryForm(bytes);
		expect([data.attachment.name, data.attachment.type, data.attachment.lastModified, await data.attachment.text()]).toEqual(['hello.txt', 'text/plain', 7, 'Hello, remote file!']);
		expect(await data.more[0].text()).toBe('ab');
	});

	test('what SvelteKit 3.4.1 sent for an upload', () => {
		const recorded = 'AI8AAAADAFtbMSwxMF0seyJub3RlIjoyLCJhdHRhY2htZW50IjozfSwic2VlIGF0dGFjaGVkIixbIkZpbGUiLDRdLFs1LDYsNyw4LDldLCJoZWxsby50eHQiLCJ0ZXh0L3BsYWluIiwyMCwxNzk2NjY3NzQyMTc1LDAseyJyZW1vdGVfcmVmcmVzaGVzIjoxMX0sW11dWzBdSGVsbG8sIHJlbW90ZSBmaWxlIQo=';
		const { data, meta } = decodeBinaryForm(Uint8Array.from(atob(recorded), (c) => c.charCodeAt(0)));
		expect([data.note, data.attachment.name, data.attachment.size, meta]).toEqual(['see attached', 'hello.txt', 20, { remote_refreshes: [] }]);
	});

	test('another version, or too few bytes, is refused', () => {
		expect(() => decodeBinaryForm(new Uint8Array([1, 0, 0, 0, 0, 0, 0]))).toThrow('got version 1, expected version 0');
		expect(() => decodeBinaryForm(new Uint8Array([0]))).toThrow('too short');
	});
});

test('issues as the server sends them: a name from the path', () => {
	expect(normalizeIssue({ message: 'Taken', path: ['title'] })).toEqual({ name: 'title', path: ['title'], message: 'Taken', server: true });
	expect(normalizeIssue({ message: 'Bad', path: ['items', 0, { key: 'name' }] })).toEqual({ name: 'items[0].name', path: ['items', 0, 'name'], message: 'Bad', server: true });
	expect(normalizeIssue({ message: 'All wrong' })).toEqual({ name: '', path: [], message: 'All wrong', server: true });
});

test("a live query's events: written as SvelteKit's server writes them, read back", () => {
	const text = liveEvent({ type: 'result', result: '[3]' }) + ': keep-alive\n\n' + liveEvent({ type: 'error', error: { status: 500, message: 'Internal Error' } });
	expect(text.startsWith('data: {"type":"result","result":"[3]"}\n\n')).toBe(true);
	expect(liveEvents(text)).toEqual([{ type: 'result', result: '[3]' }, { type: 'error', error: { status: 500, message: 'Internal Error' } }]);
});
