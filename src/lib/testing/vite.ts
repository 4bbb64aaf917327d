import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { installedKit, isRemoteFile, standInFor, stubModule, universalHooks, unmockedMessage } from './remote/vite.js';
import { remotePrefix } from './remote/wire.js';

/** This package's directory of modules (`dist` when installed, `src/lib` in its repository). */
const lib = fileURLToPath(new URL('..', import.meta.url));

/** The `$app/*` modules the kit provides, by their file (without extension) in this package. */
const appModules: Record<string, string> = {
	forms: 'testing/app/forms',
	state: 'testing/app/state',
	stores: 'testing/app/stores',
	navigation: 'testing/app/navigation',
	environment: 'testing/app/environment',
	paths: 'testing/app/paths'
};

/** The stand-in for `svelte-form-actions/sveltekit` (the real one hands results to SvelteKit's runtime). */
const sveltekitDouble = 'testing/app/sveltekit';

/** Every entry of this package: none may be pre-bundled, or its state would exist twice. */
const entries = ['', '/msw', '/server', '/testing', '/testing/setup', '/vite', '/vite/dev', '/sveltekit'].map((entry) => `svelte-form-actions${entry}`);

/** Where the kit's route table is (its contents are written by this plugin). */
const routesModule = fileOf('testing/routes');

/** The MSW kit's default `kit` (none), and what replaces it in a SvelteKit project. */
const kitModule = fileOf('testing/msw/kit');
const kitPredicates = '\0svelte-form-actions:kit';

/**
 * What stands for a remote file (`*.remote.ts`) in component tests: this prefix and the file's
 * path in base64url, an id that names the file without ending as a remote file's name does.
 */
const remoteStub = '\0svelte-form-actions:remote-stub:';

/** The stand-ins' SvelteKit major (2 by default), replaced by the project's. */
const kitMajorModule = fileOf('testing/app/kit-major');

export interface SvelteKitTestingOptions {
	/** The app's routes directory, relative to the Vite root (default: `src/routes`). */
	routes?: string;
}

/**
 * A Vite plugin for component tests of SvelteKit pages without SvelteKit's runtime, in Vitest's
 * browser mode or in jsdom, with or without `sveltekit()` in the same config. Import it from
 * `svelte-form-actions/vite`:
 *
 * ```js
 * // vite.config.ts
 * export default defineConfig({ plugins: [sveltekit(), svelteKitTesting()], test: { … } });
 * ```
 *
 * - `$app/forms`, `$app/state`, `$app/stores`, `$app/navigation`, `$app/environment` and
 *   `$app/paths` resolve to small modules of this package (ahead of SvelteKit's own), so an
 *   unchanged `+page.svelte` posts to MSW handlers and follows their results;
 *   They behave as the project's SvelteKit major (read from `@sveltejs/kit/package.json`):
 *   `$app/forms`' `enhance` is SvelteKit's, not this library's;
 * - `svelte-form-actions/sveltekit` resolves to a stand-in that hands results to that
 *   `applyAction`, so a root layout that calls `configure(sveltekit)` shows this library's
 *   results on the page `renderPage` mounted (its `form` prop, `$app/state`, the error page),
 *   and one that does not, shows none of them, as in the app;
 * - `renderPage('/route')` finds the route's `+page.svelte`, `+layout.svelte` and
 *   `+error.svelte` files;
 * - this package is kept out of Vite's dependency pre-bundling, and every module keeps one URL
 *   for the run, so this package and Svelte exist once, also after Vite pre-bundled a
 *   dependency it met mid-run;
 * - under jsdom, Svelte and other packages resolve to their browser builds;
 * - MSW's service worker is served at `/mockServiceWorker.js` (browser mode needs no
 *   `msw init`);
 * - in a project with `@sveltejs/kit`, `actionHandler` gets SvelteKit's predicates, so mocked
 *   actions copied from a `+page.server.ts` may use its own `fail`, `redirect` and `error` (and
 *   remote-function handlers its `invalid`);
 * - a remote file (`*.remote.ts`) imported in the browser or jsdom is SvelteKit's own client stubs
 *   (its kinds read from the source: the file's server code never runs), and SvelteKit's
 *   remote-function client code gets the kit's stand-ins for its started client and the app's
 *   `transport` hook (`src/hooks.ts`); a remote call
 *   that gets past MSW to Vite's server is refused with an error naming it (SvelteKit 3.2 to 3.x;
 *   another version stops with that range).
 *
 * It does nothing outside Vitest, so it can sit beside `sveltekit()` in the app's own plugins.
 */
export function svelteKitTesting(options: SvelteKitTestingOptions = {}): Plugin {
	const routes = `/${(options.routes ?? 'src/routes').replace(/^\/+|\/+$/g, '')}`;
	let root = process.cwd();
	return {
		name: 'svelte-form-actions:sveltekit-testing',
		enforce: 'pre',
		// Only under Vitest: `vite dev` and `vite build` of the same config keep SvelteKit's `$app`.
		apply: () => Boolean(process.env.VITEST),
		config: {
			// After the other plugins' config hooks, as it always ran.
			order: 'post',
			handler() {
				// No `immutable` pre-bundles: without their `?v=` (see `resolveId`) a re-optimized file
				// keeps its URL, so the browser must ask again, as Vitest makes it for versioned ones.
				return { optimizeDeps: { exclude: entries }, server: { headers: { 'Cache-Control': 'no-cache' } } };
			}
		},
		configEnvironment: {
			// After Vitest has set the environments' resolve conditions.
			order: 'post',
			handler(name, config) {
				// jsdom and happy-dom run in Node, in Vite's `client` environment, which Vitest gives
				// Node's conditions: without `browser`, Svelte would load its server build. In that
				// environment only (browser mode's has `browser` already): the `ssr` environment's
				// conditions are the ones Vitest hands to Node (`--conditions`) for the packages Node
				// loads itself, and msw 3's `msw/node` and its interceptors map `browser` to nothing.
				// (Not by `test.environment`, which Vitest 5 no longer shows plugins.)
				const conditions = config.resolve?.conditions;
				if (name !== 'client' || !conditions || conditions.includes('browser')) return;
				// A new array: Vitest shares the one it set between environments.
				const client = [...conditions];
				client.splice(Math.max(client.indexOf('node'), 0), 0, 'browser');
				config.resolve!.conditions = client;
			}
		},
		configResolved(config) {
			root = config.root;
		},
		async resolveId(id, importer, options) {
			// A stub's id, asked for again (a module runner fetching it by its id): it is resolved.
			if (id.startsWith(remoteStub)) return id;
			// SvelteKit's remote-function client code asks its started client for caches, the
			// router and the error page: the kit's stand-ins give them (./remote/client.ts).
			const standIn = standInFor(id, importer);
			if (standIn) return fileOf(`testing/remote/${standIn}`);
			// `$app/x` itself, or SvelteKit's alias of it (`…/@sveltejs/kit/src/runtime/app/x`),
			// which Vite applies before any plugin: either way the kit's module wins.
			const name = /^\$app\/([a-z]+)$/.exec(id)?.[1] ?? /[/\\]@sveltejs[/\\]kit[/\\]src[/\\]runtime[/\\]app[/\\]([a-z]+)(?:[/\\]index)?(?:\.js)?$/.exec(id)?.[1];
			if (name && Object.hasOwn(appModules, name)) return fileOf(appModules[name]);
			if (id === 'svelte-form-actions/sveltekit') return fileOf(sveltekitDouble);
			// The MSW kit's `./kit.js`: SvelteKit's predicates, only where SvelteKit is installed, so
			// that other projects never import it. (In browser mode Vite versions the resolved id.)
			if (/(^|[\\/])kit(\.[jt]s)?$/.test(id) && importer?.startsWith(lib)) {
				const resolved = await this.resolve(id, importer, { skipSelf: true });
				if (resolved && withoutVersion(resolved.id) === kitModule && (await this.resolve('@sveltejs/kit', path.join(root, 'package.json'), { skipSelf: true }))) return kitPredicates;
			}
			// The real SvelteKit wiring reached some other way (an alias to the sources, a relative
			// import): its `$app/forms` would be this library, handing results back to itself.
			const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
			if (!resolved) return;
			// A remote file, imported by a page or a test running in the browser (or jsdom): SvelteKit's
			// client stubs instead, under an id SvelteKit's own plugin does not take for a remote file
			// (it would run the file on the server to learn its exports).
			const file = resolved.id.split('?', 1)[0];
			if (this.environment?.config.consumer === 'client' && isRemoteFile(file)) {
				return remoteStub + Buffer.from(file).toString('base64url');
			}
			if (id.includes('sveltekit') && resolved.id.startsWith(lib) && /[\\/]sveltekit[\\/]index\.[jt]s$/.test(resolved.id)) return fileOf(sveltekitDouble);
			// One URL per module for the whole run. Vite versions what comes from node_modules
			// (`?v=<hash>`: Svelte's pre-bundle, this package, which is not pre-bundled) and changes
			// the hash when it pre-bundles a dependency it meets mid-run, then reloads the page. Vitest's
			// browser mode never reloads: modules imported after that, such as the routes `renderPage`
			// imports on demand, got a second Svelte runtime and a second copy of this package beside
			// the test's ("Cannot read properties of null (reading 'nodes')" in Level.svelte). The
			// dependency is the app's, so `optimizeDeps.include` cannot name it in advance; keeping the
			// first `?v=` instead would make Vite refuse it after the change (504 "Outdated Optimize
			// Dep") in the next test files, unless Vite >= 7.3.1's `ignoreOutdatedRequests` is on.
			return { ...resolved, id: withoutVersion(resolved.id) };
		},
		load(id) {
			if (id.startsWith(remoteStub)) {
				const remoteFile = Buffer.from(id.slice(remoteStub.length), 'base64url').toString();
				this.addWatchFile(remoteFile);
				const kit = installedKit(root);
				return stubModule({
					file: remoteFile,
					root,
					kitDir: kit.dir,
					functionsModule: fileOf('testing/remote/functions'),
					transportModule: fileOf('testing/remote/transport'),
					hooks: universalHooks(root),
					code: fs.readFileSync(remoteFile, 'utf8')
				});
			}
			if (id.split('?', 1)[0] === kitMajorModule) {
				const major = parseInt(projectKitVersion(root) ?? '2', 10);
				return `export const kitMajor = ${major};\n`;
			}
			// A namespace: `isValidationError` (for remote forms' `invalid()`) is SvelteKit 2.47 and later.
			if (id === kitPredicates) return `import * as sveltekit from '@sveltejs/kit';\nexport const kit = { isActionFailure: sveltekit.isActionFailure, isHttpError: sveltekit.isHttpError, isRedirect: sveltekit.isRedirect, isValidationError: sveltekit.isValidationError };\n`;
			if (id.split('?', 1)[0] !== routesModule) return;
			// Lazy: a test loads only the files of the routes it renders.
			// `+page@(app).svelte` and `+layout@.svelte` too: they reset to another directory's layout.
			const patterns = [`${routes}/**/+{page,layout,error}.svelte`, `${routes}/**/+{page,layout}@*.svelte`];
			return `export const routes = { dir: ${JSON.stringify(routes)}, files: import.meta.glob(${JSON.stringify(patterns)}) };\n`;
		},
		configureServer(server) {
			server.middlewares.use((request, response, next) => {
				// A remote call no MSW handler answered (browser mode lets it through to this server):
				// refused, never run, as SvelteKit's plugin beside this one would run the real function.
				if (request.url?.startsWith(remotePrefix)) {
					const call = `${request.method} ${request.url}`;
					server.config.logger.error(`svelte-form-actions: no MSW handler answered ${call}`);
					response.statusCode = 500;
					response.setHeader('content-type', 'application/json');
					response.end(JSON.stringify({ type: 'error', error: { status: 500, message: unmockedMessage(call) } }));
					return;
				}
				if (request.url?.split('?', 1)[0] !== '/mockServiceWorker.js') return next();
				const worker = mswWorker(root);
				if (!worker) return next();
				response.setHeader('content-type', 'text/javascript');
				response.setHeader('service-worker-allowed', '/');
				response.end(fs.readFileSync(worker));
			});
		}
	};
}

/** A module of this package: its `.js` file when built, its `.ts` source in the repository. */
function fileOf(name: string): string {
	const built = path.join(lib, `${name}.js`);
	if (fs.existsSync(built)) return built;
	for (const ext of ['.ts', '.svelte.ts']) if (fs.existsSync(path.join(lib, name + ext))) return path.join(lib, name + ext);
	return built;
}

/** `id` without the `v=` query Vite gives the modules of dependencies. */
function withoutVersion(id: string): string {
	return id.replace(/([?&])v=[\w.-]+(&|$)/, (_, separator: string, next: string) => (next ? separator : ''));
}

/** The version in the project's `@sveltejs/kit/package.json`, if SvelteKit is installed. */
function projectKitVersion(root: string): string | undefined {
	try {
		const file = createRequire(path.join(root, 'package.json')).resolve('@sveltejs/kit/package.json');
		return JSON.parse(fs.readFileSync(file, 'utf8')).version;
	} catch {
		return undefined;
	}
}

/** The service worker of the app's own `msw`, if it has one. */
function mswWorker(root: string): string | undefined {
	try {
		return createRequire(path.join(root, 'package.json')).resolve('msw/mockServiceWorker.js');
	} catch {
		return undefined;
	}
}
