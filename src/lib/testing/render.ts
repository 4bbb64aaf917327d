import { flushSync, mount, unmount, type Component } from 'svelte';
import { config, configure } from '../config.js';
import { routeState } from '../kit/page.svelte.js';
import { sveltekit } from '../kit/sveltekit.js';
import { pageState } from '../page.svelte.js';
import { onInvalidate } from '../refresh.js';
import { onTeardown } from './mounted.js';
import PageRoot from './PageRoot.svelte';

/** Options of `renderPage`: what SvelteKit would give the page. */
export interface RenderPageOptions {
	/** The page's URL, resolved against the document's (default: the current one). Forms with
	 * `action="?/name"` post to this path. */
	url?: string | URL;
	/** Route parameters (`page.params`, and the `params` prop). */
	params?: Record<string, string>;
	/** The page's `data` prop (`page.data`). */
	data?: Record<string, any>;
	/** Re-run by `invalidateAll()` (after each successful submission); its result becomes `data`. */
	load?: () => Record<string, any> | Promise<Record<string, any>>;
	/** The `form` prop before any submission (what a native POST would have rendered with). */
	form?: Record<string, any> | null;
	/** The `+error.svelte` shown when an `error` result is applied (default: SvelteKit's). */
	error?: Component<any>;
}

/**
 * Mounts a SvelteKit page component the way SvelteKit's router would: with `data`, `params`,
 * and a `form` prop that follows every applied result, in a new element of `document.body`.
 * Needs the `svelteKitTesting()` Vite plugin for the page's `$app/*` imports.
 *
 * ```js
 * const { navigations } = renderPage(Page, { url: '/login', data: { user: null } });
 * await user.click(screen.getByRole('button', { name: 'Log in' }));
 * expect(navigations.at(-1)?.pathname).toBe('/');
 * ```
 *
 * `goto` (and so a `redirect` result) records the URL in `navigations`, moves the document's
 * URL and `page.url` there, and keeps the page mounted. `resetAll()` unmounts the page.
 */
export function renderPage(Page: Component<any>, options: RenderPageOptions = {}) {
	const before = location.href;
	const url = new URL(options.url ?? location.href, location.href);
	// In the browser a relative `action` resolves against the page's URL: make jsdom's the page's.
	history.replaceState(history.state, '', url);
	routeState.url = url;
	routeState.params = options.params ?? {};
	routeState.data = options.data ?? {};
	pageState.form = options.form ?? null;

	const navigations: URL[] = [];
	// As if the app's root layout called `configure(sveltekit)`: results reach the kit's page.
	configure({
		...sveltekit,
		async goto(to, { invalidateAll }) {
			const next = new URL(to, location.href);
			navigations.push(next);
			history.pushState(history.state, '', next);
			routeState.url = next;
			routeState.error = null;
			if (invalidateAll) await config.invalidateAll();
		}
	});
	const { load } = options;
	if (load) onInvalidate(async () => (routeState.data = await load()));

	const container = document.body.appendChild(document.createElement('div'));
	const component = mount(PageRoot, { target: container, props: { Page, ErrorPage: options.error } });
	// Run the effects now, so that `use:enhance` is listening before the test clicks.
	flushSync();

	let mounted = true;
	function teardown() {
		if (!mounted) return;
		mounted = false;
		unmount(component);
		container.remove();
		history.replaceState(history.state, '', before);
	}
	onTeardown(teardown);
	return { container, navigations, unmount: teardown };
}
