import { flushSync, mount, unmount, type Component } from 'svelte';
import { config, configure } from '../config.js';
import { entered } from './app/lifecycle.js';
import { routeState } from './app/page.svelte.js';
import { onInvalidate } from '../refresh/refresh.js';
import { onTeardown } from './mounted.js';
import { leaveDocument, recordNavigations, targetOf } from './router.js';
import { loadRoute, type Level } from './route.js';
import { routeAddress } from './route-params.js';
import RouteRoot from './RouteRoot.svelte';

/** Options of `renderPage`: what SvelteKit would give the page. */
export interface RenderPageOptions {
	/** The page's URL, resolved against the document's (default: the route's path with its
	 * `params`, else the current URL). Forms with `action="?/name"` post to this path. */
	url?: string | URL;
	/** Route parameters (`page.params`, and the `params` prop; default, with a route: those
	 * SvelteKit reads from `url`). */
	params?: Record<string, string>;
	/** The page's `data` prop (`page.data`; layouts' data is merged under it, as in SvelteKit). */
	data?: Record<string, any>;
	/** Each layout's `data`, by the route id of its directory: `{ '/': { user } }` for the root
	 * layout. A layout's `data` prop holds its own and its parents'. */
	layoutData?: Record<string, Record<string, any>>;
	/** Re-run by `invalidateAll()` (after each successful submission); its result becomes `data`. */
	load?: () => Record<string, any> | Promise<Record<string, any>>;
	/** The `form` prop before any submission (what a native POST would have rendered with). */
	form?: Record<string, any> | null;
	/** With a route: `false` renders the page without its `+layout.svelte` files. */
	layouts?: boolean;
	/** Calls `configure(sveltekit)` as the app's root layout does, for a page rendered without
	 * it: the component form, or `layouts: false`. With a route's layouts, leave it out: the
	 * app's own root layout must wire the library, and a test of an app that does not fails. */
	wiring?: boolean;
	/** With a component: the `+error.svelte` shown when an `error` result is applied (default:
	 * SvelteKit's). With a route, its own `+error.svelte` files are used. */
	error?: Component<any>;
}

/** What `renderPage` returns. */
export interface RenderedPage {
	/** The element the page is mounted in (a new child of `document.body`). */
	container: HTMLElement;
	/** Every URL `goto` (and so every `redirect` result) went to, in order. */
	navigations: URL[];
	/** Unmounts the page and restores the document's URL (`resetAll()` does it too). */
	unmount: () => void;
}

/**
 * Mounts a SvelteKit page the way SvelteKit's router would, in a new element of `document.body`:
 * with `data`, `params`, and a `form` prop that follows every applied result.
 *
 * Given a route id (a path under `src/routes`: `'/login'`, `'/blog/[slug]'`), it loads the
 * route's `+page.svelte` and renders it inside its `+layout.svelte` files, with its
 * `+error.svelte` files, as SvelteKit chooses them (layout resets such as `+page@.svelte`
 * included); it needs the `svelteKitTesting()` Vite plugin, and returns a promise:
 *
 * ```js
 * const { navigations } = await renderPage('/login', { layoutData: { '/': { user: null } } });
 * ```
 *
 * Given the page component itself, it mounts it alone, at once (no promise).
 *
 * It never wires this library for the app: only the app's root layout calling
 * `configure(sveltekit)` (or `wiring: true` when no layout is rendered) hands this library's
 * results to SvelteKit's `form` prop, `$app/state` and error pages, as in the app. It defines
 * `globalThis.__sveltekit_dev`, as SvelteKit's page does under `vite dev`.
 *
 * `goto` (and so a `redirect` result) runs the navigation lifecycle (`beforeNavigate`…),
 * records the URL in `navigations`, moves the document's URL and `page.url` there, and keeps the
 * page mounted. `resetAll()` unmounts the page.
 */
export function renderPage(route: string, options?: RenderPageOptions): Promise<RenderedPage>;
export function renderPage(Page: Component<any>, options?: RenderPageOptions): RenderedPage;
export function renderPage(what: string | Component<any>, options: RenderPageOptions = {}): RenderedPage | Promise<RenderedPage> {
	if (typeof what !== 'string') return mountRoute(what, [{ id: '/', error: options.error }], null, options);
	return loadRoute(what).then(({ id, page, levels }) => {
		// Without layouts, the page's nearest error page still stands in for it.
		const chosen = options.layouts === false ? [{ id, error: levels.findLast((level) => level.error)?.error }] : levels;
		return mountRoute(page, chosen, id, options);
	});
}

function mountRoute(Page: Component<any>, levels: Level[], id: string | null, options: RenderPageOptions): RenderedPage {
	const before = location.href;
	const { url, params } = id ? routeAddress(id, options) : { url: new URL(options.url ?? location.href, location.href), params: options.params ?? {} };
	// Each layout's data holds its parents'; the page's (and `page.data`) holds them all.
	const layoutData: Record<string, any>[] = [];
	let merged: Record<string, any> = {};
	for (const level of levels) {
		merged = { ...merged, ...options.layoutData?.[level.id] };
		layoutData.push(merged);
	}
	const fromLayouts = merged;

	// In the browser a relative `action` resolves against the page's URL: make the document's the page's.
	history.replaceState(history.state, '', url);
	routeState.url = url;
	routeState.params = params;
	routeState.route = { id };
	routeState.data = { ...fromLayouts, ...options.data };
	routeState.form = options.form ?? null;
	// What SvelteKit's server-rendered page defines under `vite dev`: this is a SvelteKit page.
	const devGlobal = !('__sveltekit_dev' in globalThis);
	if (devGlobal) (globalThis as { __sveltekit_dev?: object }).__sveltekit_dev = {};

	const navigations: URL[] = [];
	recordNavigations(navigations);
	// A redirect to another origin (or, unwired, any redirect) leaves the document, which a
	// test's cannot do: record it, as the browser's navigation.
	const previousLeave = config.leave;
	configure({ leave: (href) => leaveDocument(new URL(href)) });
	const { load } = options;
	if (load) onInvalidate(async () => (routeState.data = { ...fromLayouts, ...(await load()) }));

	const container = document.body.appendChild(document.createElement('div'));
	const component = mount(RouteRoot, { target: container, props: { Page, levels, layoutData, wired: options.wiring === true } });
	// Run the effects now, so that `use:enhance` is listening before the test clicks.
	flushSync();
	entered(targetOf(url));

	let mounted = true;
	function teardown() {
		if (!mounted) return;
		mounted = false;
		unmount(component);
		container.remove();
		configure({ leave: previousLeave });
		if (devGlobal) delete (globalThis as { __sveltekit_dev?: object }).__sveltekit_dev;
		history.replaceState(history.state, '', before);
	}
	onTeardown(teardown);
	return { container, navigations, unmount: teardown };
}
