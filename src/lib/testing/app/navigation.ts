// `$app/navigation` in component tests (see the `svelteKitTesting` Vite plugin). `goto` is the
// kit's router (it records navigations and runs the lifecycle), as SvelteKit's `goto` is its
// router's, wired or not; `invalidateAll` and `invalidate` re-run the registered refreshers
// (`renderPage`'s `load`).
import { invalidateAll } from '../../result/navigation.js';
import { routerGoto, type GotoOptions } from '../router.js';
import { routeState } from './page.svelte.js';

export { invalidateAll } from '../../result/navigation.js';
export type { GotoOptions } from '../router.js';

/**
 * SvelteKit's `goto`, through the kit's router (which records the navigation, runs its
 * lifecycle and follows `replaceState` and `state`).
 */
export async function goto(url: string | URL, options: GotoOptions = {}): Promise<void> {
	// SvelteKit's router only goes to its own origin, and says so (a redirect result to another
	// origin does not come here: the library makes it a full navigation).
	const to = new URL(url, location.href);
	if (to.origin !== location.origin) throw new Error(`Cannot use \`goto\` with an external URL. Use \`window.location = "${to.href}"\` instead`);
	await routerGoto(url, options);
}
export { afterNavigate, beforeNavigate, onNavigate } from './lifecycle.js';

/** SvelteKit re-runs the loads that depend on `resource`; here every refresher runs again. */
export async function invalidate(resource: string | URL | ((url: URL) => boolean)): Promise<void> {
	void resource;
	await invalidateAll();
}

/** SvelteKit 2.23's name for re-running every load. */
export async function refreshAll(options?: { includeLoadFunctions?: boolean }): Promise<void> {
	void options;
	await invalidateAll();
}

/** Shallow routing: a new history entry with `page.state` (and `page.url`, when `url` is given). */
export function pushState(url: string | URL, state: Record<string, unknown>): void {
	shallow(url, state, 'pushState');
}

/** Shallow routing: the current history entry gets `page.state` (and `page.url`). */
export function replaceState(url: string | URL, state: Record<string, unknown>): void {
	shallow(url, state, 'replaceState');
}

function shallow(url: string | URL, state: Record<string, unknown>, method: 'pushState' | 'replaceState'): void {
	const next = new URL(url === '' ? location.href : url, location.href);
	history[method](history.state, '', next);
	routeState.url = next;
	routeState.state = state;
}

/** No router to preload through: the page's current data. */
export async function preloadData(href: string): Promise<{ type: 'loaded'; status: number; data: Record<string, any> }> {
	void href;
	return { type: 'loaded', status: 200, data: routeState.data };
}

/** No code to preload: every module is already loaded. */
export async function preloadCode(...routes: string[]): Promise<void> {
	void routes;
}

/** No scroll handling to disable: the test kit never scrolls. */
export function disableScrollHandling(): void {}
