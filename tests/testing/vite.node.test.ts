// svelteKitTesting(), hook by hook: what makes it work inside sv's config (sveltekit() present,
// dependencies pre-bundled, jsdom or browser mode).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { svelteKitTesting } from '../../src/lib/testing/vite.js';

const lib = path.resolve(import.meta.dirname, '../../src/lib');
const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));

/** Calls a hook, whether Vite would see it as a function or as `{ handler }`. */
function hook(plugin: Plugin, name: 'config' | 'configEnvironment' | 'resolveId' | 'load', ...args: any[]): any {
	const value = plugin[name] as any;
	return (typeof value === 'function' ? value : value.handler).apply({ resolve: async () => null }, args);
}

afterEach(() => vi.unstubAllEnvs());

test('no entry of the package is pre-bundled: its state exists once', () => {
	const { optimizeDeps } = hook(svelteKitTesting(), 'config', {});
	const entries = Object.keys(pkg.exports).map((entry: string) => entry.replace(/^\./, 'svelte-form-actions'));
	expect(optimizeDeps.exclude).toEqual(expect.arrayContaining(entries));
});

test("$app modules resolve to the kit's, also when SvelteKit's alias got there first", async () => {
	const plugin = svelteKitTesting();
	expect(await hook(plugin, 'resolveId', '$app/forms')).toBe(path.join(lib, 'testing/app/forms.ts'));
	expect(await hook(plugin, 'resolveId', '$app/navigation')).toBe(path.join(lib, 'testing/app/navigation.ts'));
	expect(await hook(plugin, 'resolveId', '/app/node_modules/@sveltejs/kit/src/runtime/app/state')).toBe(path.join(lib, 'testing/app/state.ts'));
	expect(await hook(plugin, 'resolveId', '/app/node_modules/@sveltejs/kit/src/runtime/app/environment/index.js')).toBe(path.join(lib, 'testing/app/environment.ts'));
	expect(await hook(plugin, 'resolveId', 'svelte-form-actions/sveltekit')).toBe(path.join(lib, 'testing/app/sveltekit.ts'));
	// SvelteKit keeps the modules the kit has no stand-in for.
	expect(await hook(plugin, 'resolveId', '$app/server')).toBeUndefined();
});

test("under jsdom, what Vite compiles resolves to browser builds (Svelte's client, not its server build); Node's own imports keep Node's conditions", () => {
	// Vitest runs jsdom files in Vite's `client` environment, with Node's conditions.
	const conditions = ['node', 'development|production'];
	const client = { resolve: { conditions } };
	hook(svelteKitTesting(), 'configEnvironment', 'client', client);
	expect(client.resolve.conditions).toEqual(['browser', 'node', 'development|production']);
	// Vitest shares that array with the `ssr` environment and hands it to Node as `--conditions`:
	// with `browser` there, Node resolved msw 3's `msw/node` imports to nothing.
	expect(conditions).toEqual(['node', 'development|production']);
	const ssr = { resolve: { conditions } };
	hook(svelteKitTesting(), 'configEnvironment', 'ssr', ssr);
	expect(ssr.resolve.conditions).toEqual(['node', 'development|production']);
	// Browser mode's client environment has `browser` already.
	const browser = { resolve: { conditions: ['module', 'browser', 'development|production'] } };
	hook(svelteKitTesting(), 'configEnvironment', 'client', browser);
	expect(browser.resolve.conditions).toEqual(['module', 'browser', 'development|production']);
});

test("the route table is the app's routes directory, loaded on demand, layout resets included", () => {
	const code = hook(svelteKitTesting({ routes: 'app/routes/' }), 'load', path.join(lib, 'testing/routes.ts'));
	expect(code).toBe(
		`export const routes = { dir: "/app/routes", files: import.meta.glob(["/app/routes/**/+{page,layout,error}.svelte","/app/routes/**/+{page,layout}@*.svelte"]) };\n`
	);
	expect(hook(svelteKitTesting(), 'load', path.join(lib, 'testing/render.ts'))).toBeUndefined();
});

test('outside Vitest it does nothing: vite dev and build keep SvelteKit', () => {
	const plugin = svelteKitTesting();
	const apply = plugin.apply as () => boolean;
	expect(apply()).toBe(true);
	vi.stubEnv('VITEST', '');
	expect(apply()).toBe(false);
});

test("actionHandler gets SvelteKit's predicates only where @sveltejs/kit resolves: other projects never import it", async () => {
	const handler = path.join(lib, 'testing/msw/handler.ts');
	const kitModule = path.join(lib, 'testing/msw/kit.ts');
	const call = (resolves: boolean, version = '') => {
		const plugin = svelteKitTesting();
		const context = { resolve: async (id: string) => (id === './kit.js' ? { id: kitModule + version } : resolves ? { id: '/app/node_modules/@sveltejs/kit/src/exports/index.js' } : null) };
		return { plugin, id: (plugin.resolveId as any).call(context, './kit.js', handler) };
	};
	// Elsewhere `./kit.js` stays the MSW kit's own module.
	expect(await call(false).id).toEqual({ id: kitModule });
	const { plugin, id } = call(true);
	const virtual = await id;
	expect(virtual).toMatch(/^\0/);
	// A namespace import: `isValidationError` (remote forms' `invalid()`) is SvelteKit 2.47 and later.
	expect(hook(plugin, 'load', virtual)).toContain("import * as sveltekit from '@sveltejs/kit';");
	expect(hook(plugin, 'load', virtual)).toContain('isValidationError: sveltekit.isValidationError');
	// In browser mode Vite versions the modules of node_modules (`kit.js?v=1a2b3c4d`): the same module.
	expect(await call(true, '?v=1a2b3c4d').id).toBe(virtual);
	// The server entry's own kit.ts is not the MSW kit's.
	const serverKit = { resolve: async () => ({ id: path.join(lib, 'server/kit.ts') }) };
	expect(await (plugin.resolveId as any).call(serverKit, './kit.js', path.join(lib, 'server/actions.ts'))).toEqual({ id: path.join(lib, 'server/kit.ts') });
});

test("one URL per module for the run: Vite's version query is dropped, the browser revalidates", async () => {
	const plugin = svelteKitTesting();
	const calls: unknown[] = [];
	const resolveTo = (id: string) => ({
		resolve: async (...args: unknown[]) => (calls.push(args), { id, external: false })
	});
	const resolve = (id: string) => (plugin.resolveId as any).call(resolveTo(id), 'svelte', '/app/src/routes/+layout.svelte', { isEntry: false });
	expect(await resolve('/app/node_modules/.vite/deps/svelte.js?v=1a2b3c4d')).toEqual({ id: '/app/node_modules/.vite/deps/svelte.js', external: false });
	expect(await resolve('/app/node_modules/pkg/Level.svelte?v=1a2b3c4d&import')).toEqual({ id: '/app/node_modules/pkg/Level.svelte?import', external: false });
	expect(await resolve('/app/node_modules/pkg/a.js?import&v=1a2b3c4d')).toEqual({ id: '/app/node_modules/pkg/a.js?import', external: false });
	expect(await resolve('/app/src/lib/v.ts?raw')).toEqual({ id: '/app/src/lib/v.ts?raw', external: false });
	// The rest of Vite's resolution, with the caller's options.
	expect(calls[0]).toEqual(['svelte', '/app/src/routes/+layout.svelte', { isEntry: false, skipSelf: true }]);
	// Pre-bundled files would otherwise be cached for good under their unversioned URL.
	expect(hook(plugin, 'config', {}).server.headers).toEqual({ 'Cache-Control': 'no-cache' });
});

describe('remote files', () => {
	/** An app with a remote file and a fake SvelteKit 3.4.1 (its remote-function client code importing what the kit stands in for). */
	function app(): string {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remote-app-'));
		const kit = path.join(root, 'node_modules', '@sveltejs', 'kit');
		fs.mkdirSync(path.join(kit, 'src', 'runtime', 'client', 'remote-functions'), { recursive: true });
		fs.mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
		fs.writeFileSync(path.join(root, 'package.json'), '{}');
		fs.writeFileSync(path.join(kit, 'package.json'), JSON.stringify({ name: '@sveltejs/kit', version: '3.4.1' }));
		fs.writeFileSync(path.join(kit, 'src', 'runtime', 'client', 'remote-functions', 'index.js'), "import { app, query_map } from '../client.js';");
		fs.writeFileSync(path.join(root, 'src', 'lib', 'posts.remote.ts'), "import { query } from '$app/server';\nimport { db } from '$lib/server/db';\nexport const getPosts = query(() => db.posts());\n");
		return root;
	}

	/** The plugin, configured for `root`, and a resolve hook run in environment `consumer`. */
	function plugin(root: string) {
		const plugin = svelteKitTesting();
		(plugin.configResolved as any)({ root });
		const resolveId = (consumer: 'client' | 'server', id: string, importer?: string) =>
			(plugin.resolveId as any).call({ environment: { config: { consumer } }, resolve: async (id: string) => ({ id: path.resolve(root, id) }) }, id, importer, {});
		const load = (id: string) => (plugin.load as any).call({ addWatchFile() {} }, id);
		return { resolveId, load };
	}

	test("in the browser (and jsdom): SvelteKit's client stubs, under an id SvelteKit's plugin leaves alone, the file itself never run", async () => {
		const root = app();
		const { resolveId, load } = plugin(root);
		const id = await resolveId('client', 'src/lib/posts.remote.ts', path.join(root, 'src/routes/+page.svelte'));
		expect(id).toBe(`\0svelte-form-actions:remote-stub:${Buffer.from(path.join(root, 'src/lib/posts.remote.ts')).toString('base64url')}`);
		expect(id).not.toMatch(/[/.]remote\.[^/]+$/);
		// Asked for again by its id (a module runner), it stays itself.
		expect(await resolveId('client', id)).toBe(id);
		const code = load(id);
		expect(code).toContain(JSON.stringify(path.join(root, 'node_modules/@sveltejs/kit/src/runtime/client/remote-functions/index.js')));
		expect(code).toContain('getPosts = $$register($$remote.query("1rlm6aw/getPosts")');
		expect(code).not.toContain('db');
	});

	test('on the server (node tests): the file itself', async () => {
		const root = app();
		expect(await plugin(root).resolveId('server', 'src/lib/posts.remote.ts')).toEqual({ id: path.join(root, 'src/lib/posts.remote.ts') });
	});

	test("SvelteKit's client code gets the kit's stand-ins for its started client", async () => {
		const { resolveId } = plugin(app());
		const importer = '/x/node_modules/@sveltejs/kit/src/runtime/client/remote-functions/form.svelte.js';
		expect(await resolveId('client', '../client.js', importer)).toBe(path.join(lib, 'testing/remote/client.ts'));
		expect(await resolveId('client', '#app/paths', importer)).toBe(path.join(lib, 'testing/remote/paths.ts'));
		expect(await resolveId('client', '#app/state/client', importer)).toBe(path.join(lib, 'testing/remote/state.ts'));
	});

	test("another SvelteKit: the supported range, when a remote file is loaded", async () => {
		const root = app();
		fs.writeFileSync(path.join(root, 'node_modules/@sveltejs/kit/package.json'), JSON.stringify({ version: '2.70.4' }));
		const { resolveId, load } = plugin(root);
		const id = await resolveId('client', 'src/lib/posts.remote.ts');
		expect(() => load(id)).toThrow('svelte-form-actions: remote functions in component tests need @sveltejs/kit >=3.2.0 <4; the installed 2.70.4 is outside that range.');
	});

	test("a remote call that gets past MSW to Vite's server: refused with an error naming it, never passed on", () => {
		const plugin = svelteKitTesting();
		let middleware: (request: any, response: any, next: () => void) => void = () => {};
		const logged: string[] = [];
		(plugin.configureServer as any)({ middlewares: { use: (fn: typeof middleware) => (middleware = fn) }, config: { logger: { error: (message: string) => logged.push(message) } } });
		const response = { statusCode: 200, headers: {} as Record<string, string>, body: '', setHeader(name: string, value: string) { this.headers[name] = value; }, end(body: string) { this.body = body; } };
		const next = vi.fn();
		middleware({ method: 'GET', url: '/_app/remote/1rlm6aw/getPost?payload=WyIyIl0' }, response, next);
		expect(next).not.toHaveBeenCalled();
		expect([response.statusCode, response.headers['content-type']]).toEqual([500, 'application/json']);
		expect(JSON.parse(response.body)).toEqual({
			type: 'error',
			error: { status: 500, message: "No MSW handler answered GET /_app/remote/1rlm6aw/getPost?payload=WyIyIl0: add one (queryHandler, queryBatchHandler, commandHandler or formHandler from 'svelte-form-actions/msw')." }
		});
		expect(logged).toEqual(['svelte-form-actions: no MSW handler answered GET /_app/remote/1rlm6aw/getPost?payload=WyIyIl0']);
		middleware({ method: 'GET', url: '/src/routes/+page.svelte' }, response, next);
		expect(next).toHaveBeenCalledOnce();
	});
});
