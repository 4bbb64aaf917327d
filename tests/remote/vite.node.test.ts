// How svelteKitTesting() stands in for remote files (src/lib/testing/remote/vite.ts): their kinds
// read from the source, SvelteKit's id of each function, the stand-ins SvelteKit's client code
// gets, and the version guard.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { installedKit, isRemoteFile, remoteExports, remoteHash, standInFor, stubModule, supportedKit } from '../../src/lib/testing/remote/vite.js';

test("SvelteKit's hash of the file's path: the ids SvelteKit 3.4.1 sent", () => {
	expect(remoteHash('src/lib/posts.remote.ts')).toBe('1rlm6aw');
	expect(remoteHash('src/lib/forms.remote.ts')).toBe('1j9lczq');
});

test('remote files as SvelteKit names them, outside node_modules', () => {
	expect(['src/lib/posts.remote.ts', 'src/lib/remote.js', '/a/b/data.remote.js'].map(isRemoteFile)).toEqual([true, true, true]);
	expect(['src/lib/remote-functions.ts', 'src/lib/posts.remote.svelte', '/a/node_modules/x/y.remote.js'].map(isRemoteFile)).toEqual([false, false, false]);
});

describe('kinds, read from the source', () => {
	test('every kind, generics and types included, renamed imports followed', () => {
		const code = `
			import { query, command as cmd, form, prerender, type RequestEvent } from '$app/server';
			export const a = query(() => 1);
			export const b = query.batch(z.string(), (ids) => (id) => id);
			export const c: RemoteCommand<string, number> = cmd(z.string(), async (id) => 1);
			export const d = form(schema, ({ title }) => title);
			export const e = prerender(() => []);
			export const f = query.live(async function* () {});
			export const g = query<number>(() => 1);
			export type T = RequestEvent;`;
		expect(remoteExports(code, 'x.remote.ts')).toEqual([
			{ name: 'a', kind: 'query' },
			{ name: 'b', kind: 'query.batch' },
			{ name: 'c', kind: 'command' },
			{ name: 'd', kind: 'form' },
			{ name: 'e', kind: 'prerender' },
			{ name: 'f', kind: 'query.live' },
			{ name: 'g', kind: 'query' }
		]);
	});

	test("a function not made by $app/server's: a clear error naming it", () => {
		expect(() => remoteExports(`import { query } from './mine';\nexport const a = query(() => 1);`, 'src/lib/x.remote.ts')).toThrow(
			"cannot tell what `a` in src/lib/x.remote.ts is: it is not made by query, query.batch, query.live, command, form or prerender imported from '$app/server'."
		);
	});

	test('an exported variable the kit cannot read: a clear error, not an undefined import', () => {
		const code = `import { command } from '$app/server';\nexport const save: (id: string) => Promise<void> = command('unchecked', async () => {});`;
		expect(() => remoteExports(code, 'z.remote.ts')).toThrow('cannot tell what `save` in z.remote.ts is: write it as `export const save = query(…)`');
		expect(() => remoteExports(`export const LIMIT = 5;`, 'z.remote.ts')).toThrow('cannot tell what `LIMIT` in z.remote.ts is');
	});

	test('exports in a list or as functions: a clear error', () => {
		expect(() => remoteExports(`import { query } from '$app/server';\nconst a = query(() => 1);\nexport { a };`, 'y.remote.ts')).toThrow('y.remote.ts exports something other than `export const name = query(…)`');
		expect(() => remoteExports(`export async function a() {}`, 'y.remote.ts')).toThrow('y.remote.ts exports something other than');
		expect(() => remoteExports(`export default 1;`, 'y.remote.ts')).toThrow('y.remote.ts exports something other than');
	});
});

test("the stub module: SvelteKit's own client functions, by id, registered, made again on reset", () => {
	const code = `import { query, form } from '$app/server';\nexport const getPosts = query(() => []);\nexport const createPost = form('unchecked', () => 1);`;
	const stub = stubModule({ file: '/app/src/lib/posts.remote.ts', root: '/app', kitDir: '/app/node_modules/@sveltejs/kit', functionsModule: '/lib/functions.js', transportModule: '/lib/transport.js', code });
	expect(stub).toContain('import * as $$remote from "/app/node_modules/@sveltejs/kit/src/runtime/client/remote-functions/index.js";');
	expect(stub).toContain('export let getPosts;');
	expect(stub).toContain('getPosts = $$register($$remote.query("1rlm6aw/getPosts"), {"id":"1rlm6aw/getPosts","kind":"query","label":"src/lib/posts.remote.ts#getPosts"});');
	expect(stub).toContain('createPost = $$register($$remote.form("1rlm6aw/createPost")');
	expect(stub).toMatch(/\$\$make\(\(\) => \{[\s\S]*getPosts =[\s\S]*createPost =[\s\S]*\}\);/);
	expect(stub).not.toContain('[]');
	// No universal hooks: no transport.
	expect(stub).not.toContain('transport');
});

test("with the app's universal hooks: their transport, to SvelteKit's client code and to the kit", () => {
	const stub = stubModule({
		file: '/app/src/lib/posts.remote.ts',
		root: '/app',
		kitDir: '/kit',
		functionsModule: '/lib/functions.js',
		transportModule: '/lib/transport.js',
		hooks: '/app/src/hooks.ts',
		code: `import { query } from '$app/server';\nexport const getPosts = query(() => []);`
	});
	expect(stub).toContain('import * as $$hooks from "/app/src/hooks.ts";');
	expect(stub).toContain('import { init_transport as $$initTransport } from "/kit/src/runtime/app/internal/transport.js";');
	expect(stub).toContain('import { useTransport as $$useTransport } from "/lib/transport.js";');
	expect(stub).toContain('if ($$hooks.transport) { $$initTransport($$hooks.transport); $$useTransport($$hooks.transport); }');
	// Before the stubs are made.
	expect(stub.indexOf('$$useTransport($$hooks')).toBeLessThan(stub.indexOf('$$make('));
});

test("the stand-ins: only for SvelteKit's remote-function client code", () => {
	const importer = '/app/node_modules/@sveltejs/kit/src/runtime/client/remote-functions/query/index.js';
	expect([standInFor('../../client.js', importer), standInFor('#app/paths', importer), standInFor('#app/state/client', importer)]).toEqual(['client', 'paths', 'state']);
	expect(standInFor('../../client.js', '/app/node_modules/@sveltejs/kit/src/runtime/client/entry.js')).toBeUndefined();
	expect(standInFor('../shared.svelte.js', importer)).toBeUndefined();
});

describe('the version guard', () => {
	/** A project with a fake `@sveltejs/kit` of `version`, its remote-function client code importing `names`. */
	function project(version: string, names = ['app', '_goto']): string {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-'));
		const kit = path.join(root, 'node_modules', '@sveltejs', 'kit');
		fs.mkdirSync(path.join(kit, 'src', 'runtime', 'client', 'remote-functions', 'query'), { recursive: true });
		fs.writeFileSync(path.join(root, 'package.json'), '{}');
		fs.writeFileSync(path.join(kit, 'package.json'), JSON.stringify({ name: '@sveltejs/kit', version }));
		fs.writeFileSync(path.join(kit, 'src', 'runtime', 'client', 'remote-functions', 'index.js'), 'export {};');
		fs.writeFileSync(path.join(kit, 'src', 'runtime', 'client', 'remote-functions', 'query', 'index.js'), `import {\n\t${names.join(',\n\t')}\n} from '../../client.js';`);
		return root;
	}

	test('a supported SvelteKit: its directory and version', () => {
		const root = project('3.4.1');
		expect(installedKit(root)).toEqual({ dir: path.join(root, 'node_modules', '@sveltejs', 'kit'), version: '3.4.1' });
	});

	test.each(['2.70.4', '3.1.0', '4.0.0'])('SvelteKit %s: the supported range, not a TypeError deep inside', (version) => {
		expect(() => installedKit(project(version))).toThrow(`need @sveltejs/kit ${supportedKit}; the installed ${version} is outside that range`);
	});

	test('a SvelteKit whose client code expects more of its client: the names it lacks', () => {
		expect(() => installedKit(project('3.9.0', ['app', 'query_map', 'new_thing']))).toThrow('the installed 3.9.0 expects new_thing from its client, which the kit does not provide');
	});

	test('no SvelteKit at all', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nokit-'));
		expect(() => installedKit(root)).toThrow(`need @sveltejs/kit ${supportedKit}, and none is installed in ${root}`);
	});
});
