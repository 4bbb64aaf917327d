// renderPage by route needs the svelteKitTesting() plugin (this project runs without it): the
// error says what to add, instead of a page that never renders.
//
// Which layouts and error pages a route gets (layout resets `+page@….svelte`, `+layout@….svelte`,
// route groups) is checked against SvelteKit's own route manifest, built from the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { routeChain } from '../../src/lib/testing/route-chain.js';
import { routeParams } from '../../src/lib/testing/route-params.js';
import { renderPage } from '../../src/lib/testing/index.js';

test('without the plugin, renderPage(route) says which plugin finds the routes', async () => {
	await expect(renderPage('/login')).rejects.toThrow(
		"renderPage('/login') finds the route's files with the svelteKitTesting() Vite plugin: add it to the plugins of your Vite config"
	);
});

// SvelteKit's manifest builder and router, from its sources (not exports of the package).
const kitSource = (file: string) => pathToFileURL(path.resolve('node_modules/@sveltejs/kit/src', file)).href;
const { process_config } = await import(kitSource('core/config/index.js'));
const { default: createManifestData } = await import(kitSource('core/sync/create_manifest_data/index.js'));
const { parse_route_id, exec } = await import(kitSource('utils/routing.js'));
const { decode_pathname, decode_params } = await import(kitSource('utils/url.js'));

interface KitNode {
	component?: string;
}
interface KitRoute {
	id: string;
	page: { layouts: (number | undefined)[]; errors: (number | undefined)[]; leaf: number } | null;
}

/** What SvelteKit renders for each route with a page: its page, and each layout with its error page. */
function kitChains(cwd: string, routes: string) {
	const config = process_config({ kit: { files: { routes } } }, { cwd });
	const { nodes, routes: all }: { nodes: KitNode[]; routes: KitRoute[] } = createManifestData({ config, cwd });
	// SvelteKit's own default layout and error page stand in where the app has none.
	const own = (index: number | undefined) => {
		const file = index === undefined ? undefined : nodes[index].component;
		return file?.startsWith(routes) ? `/${file}` : undefined;
	};
	return Object.fromEntries(
		all
			.filter((route) => route.page)
			.map(({ id, page }) => [id, { page: own(page!.leaf), levels: page!.layouts.map((layout, i) => [own(layout), own(page!.errors[i])]) }])
	);
}

/** The same, as renderPage chooses it from the files' paths. */
function ourChains(files: string[], dir: string, ids: string[]) {
	return Object.fromEntries(
		ids.map((id) => {
			const chain = routeChain(files, dir, id)!;
			// SvelteKit lists only the directories that have a layout or an error page, and the
			// root, which always has them (its own defaults where the app has none).
			const levels = chain.levels.filter((level) => level.id === '/' || level.layout || level.error).map((level) => [level.layout, level.error]);
			return [id, { page: chain.page.file, levels }];
		})
	);
}

/** The route files under `dir` (relative to `cwd`), as the plugin's glob lists them. */
function routeFiles(cwd: string, dir: string): string[] {
	return fs
		.readdirSync(path.join(cwd, dir), { recursive: true, encoding: 'utf8' })
		.map((file) => `/${dir}/${file.split(path.sep).join('/')}`)
		.filter((file) => /\/\+(page|layout|error)(@[^/]*)?\.svelte$/.test(file));
}

describe('the layouts and error pages of a route are those SvelteKit chooses', () => {
	test('every route of tests/testing/pages/routes (the routes renderPage renders in tests/testing/pages)', () => {
		const cwd = path.resolve('.');
		const kit = kitChains(cwd, 'tests/testing/pages/routes');
		// Not a vacuous comparison: the layout resets are among them.
		expect(Object.keys(kit)).toEqual(
			expect.arrayContaining(['/(app)/item/[id]/print', '/(app)/item/[id]/flat/inner', '/(app)/item/[id]/bare', '/(shop)/cart/[id]'])
		);
		expect(ourChains(routeFiles(cwd, 'tests/testing/pages/routes'), '/tests/testing/pages/routes', Object.keys(kit))).toEqual(kit);
	});

	const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'route-chain-'));
	afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
	let trees = 0;

	/** Writes `files` (empty components) as an app's routes, and returns both choices. */
	function both(files: string[]) {
		const cwd = path.join(temporary, String(trees++));
		for (const file of files) {
			fs.mkdirSync(path.dirname(path.join(cwd, 'routes', file)), { recursive: true });
			fs.writeFileSync(path.join(cwd, 'routes', file), '');
		}
		const kit = kitChains(cwd, 'routes');
		return { kit, ours: ourChains(routeFiles(cwd, 'routes'), '/routes', Object.keys(kit)) };
	}

	test.each([
		{
			name: 'a reset to the nearest directory of that name, when two share it',
			files: ['+layout.svelte', 'x/+layout.svelte', 'x/+error.svelte', 'x/a/x/+layout.svelte', 'x/a/x/b/+page@x.svelte']
		},
		{
			name: "a reset to a directory without a layout: its error page, then its parents' as usual",
			files: ['+layout.svelte', '+error.svelte', '(g)/+error.svelte', '(g)/a/+layout.svelte', '(g)/a/+error.svelte', '(g)/a/+page@(g).svelte']
		},
		{
			name: 'a reset to a directory with nothing: its parents, as usual',
			files: ['(g)/+layout.svelte', '(g)/(h)/a/+layout.svelte', '(g)/(h)/a/+page@(h).svelte']
		},
		{
			name: "the skipped directories' error pages are skipped too",
			files: ['+error.svelte', 'a/+error.svelte', 'a/b/+error.svelte', 'a/b/+page@.svelte', 'a/c/+page.svelte']
		},
		{
			name: 'a page resets to its own directory: the same as no reset',
			files: ['a/+layout.svelte', 'a/b/+layout.svelte', 'a/b/+error.svelte', 'a/b/+page@b.svelte']
		},
		{
			name: 'a layout that resets, under a page that resets to it',
			files: ['+layout.svelte', 'a/+layout.svelte', 'a/b/+layout@.svelte', 'a/b/c/+layout.svelte', 'a/b/c/+page@b.svelte', 'a/b/+page.svelte']
		},
		{
			name: 'optional and rest parameters, and resets to them',
			files: ['[[lang]]/+layout.svelte', '[[lang]]/docs/[...path]/+layout.svelte', '[[lang]]/docs/[...path]/+page.svelte', '[[lang]]/docs/[...path]/print/+page@[[lang]].svelte']
		},
		{
			name: 'a page in a group at the root, and a layout that resets to the root inside a group',
			files: ['+layout.svelte', '(app)/+layout.svelte', '(app)/+page.svelte', '(app)/(bare)/+layout@.svelte', '(app)/(bare)/about/+page.svelte']
		}
	])('$name', ({ files }) => {
		const { kit, ours } = both(files);
		expect(Object.keys(kit).length).toBeGreaterThan(0);
		expect(ours).toEqual(kit);
	});

	test('a reset to a directory no ancestor is called: refused, as by SvelteKit', () => {
		const files = ['+layout.svelte', 'a/+page@nowhere.svelte'];
		expect(() => both(files)).toThrow('references missing segment "nowhere"');
		expect(() => routeChain(['/routes/+layout.svelte', '/routes/a/+page@nowhere.svelte'], '/routes', '/a')).toThrow(
			`renderPage('/a'): /routes/a/+page@nowhere.svelte names the layout of a directory "nowhere", but no directory above it is called that`
		);
	});

	test('two pages in one directory: refused, as by SvelteKit', () => {
		expect(() => both(['a/+page.svelte', 'a/+page@.svelte'])).toThrow('Multiple page component files');
		expect(() => routeChain(['/routes/a/+page.svelte', '/routes/a/+page@.svelte'], '/routes', '/a')).toThrow(
			"renderPage('/a'): /routes/a/ has 2 page components (+page.svelte, +page@.svelte); SvelteKit allows one per directory: keep one."
		);
	});
});

describe("the params of a URL are those SvelteKit's router reads", () => {
	// Matchers are not run (the route is given): every matcher accepts.
	const anything = new Proxy({}, { get: () => () => true });

	/** SvelteKit's params for `id` at `pathname`, or undefined when the route does not serve it. */
	function kitParams(id: string, pathname: string) {
		const { pattern, params } = parse_route_id(id);
		const match = pattern.exec(decode_pathname(pathname));
		if (!match) return undefined;
		const found: Record<string, string> | undefined = exec(match, params, anything);
		return found && decode_params(found);
	}

	test.each([
		['/', '/'],
		['/(app)', '/'],
		['/blog/[slug]', '/blog/hello'],
		['/blog/[slug]', '/blog/hello/'],
		['/blog/[slug]', '/blog'],
		['/blog/[slug]', '/blog/a/b'],
		['/(shop)/cart/[id=integer]', '/cart/7'],
		['/[[lang]]/about', '/about'],
		['/[[lang]]/about', '/fr/about'],
		['/docs/[...path]', '/docs'],
		['/docs/[...path]', '/docs/a/b/c'],
		['/docs/[...path]', '/docs/a%0Ab'],
		['/[[lang]]/docs/[...path]', '/fr/docs/x'],
		['/docs/[...path]/edit', '/docs/edit'],
		['/docs/[...path]/edit', '/docs/a/b/edit'],
		['/[[lang]]/docs/[...path]', '/docs'],
		['/files/[name].[ext]', '/files/notes.txt'],
		['/files/v[version]-[[tag]]', '/files/v2-'],
		['/files/v[version]-[[tag]]', '/files/v2-beta'],
		['/a[x+2e]b', '/a.b'],
		['/a[x+2e]b', '/axb'],
		['/caf[u+00e9]/[item]', '/caf%C3%A9/th%C3%A9'],
		['/search/[query]', '/search/50%25%20off'],
		['/search/[query]', '/search/a%2Fb']
	])('%s at %s', (id, pathname) => {
		expect(routeParams(id, pathname)).toEqual(kitParams(id, pathname));
	});
});
