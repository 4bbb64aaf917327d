// The test kit's router: what SvelteKit's client router does for the page `renderPage` mounted.
// `$app/navigation`'s `goto` and SvelteKit's `applyAction` (the kit's `$app/forms`) go through
// it whether or not the app wired this library: SvelteKit's own router needs no wiring.
import { config } from '../config.js';
import { leaveWithLifecycle, navigateWithLifecycle, type NavigationTarget } from './app/lifecycle.js';
import { routeState } from './app/page.svelte.js';

/** The options of SvelteKit's `goto` that the test kit's router follows. */
export interface GotoOptions {
	/** Re-run `load` (`renderPage`'s) after the navigation. */
	invalidateAll?: boolean;
	/** Replace the current history entry instead of adding one. */
	replaceState?: boolean;
	/** The new entry's `page.state` (`{}` without it, as in SvelteKit). */
	state?: Record<string, unknown>;
	noScroll?: boolean;
	keepFocus?: boolean;
	invalidate?: Array<string | URL | ((url: URL) => boolean)>;
}

/** Every URL the mounted page went to, in order (`renderPage`'s `navigations`). */
let navigations: URL[] = [];

/** Starts recording the navigations of a newly mounted page into `into`. */
export function recordNavigations(into: URL[]): void {
	navigations = into;
}

/** One side of a navigation: the page's route, at `url`. */
export function targetOf(url: URL): NavigationTarget {
	return { url, params: routeState.params, route: routeState.route };
}

/**
 * A navigation that leaves the document (another origin, or a full page load): a test's document
 * cannot, so it is recorded, after `beforeNavigate` (told `willUnload`), which may cancel it.
 */
export function leaveDocument(next: URL): void {
	if (leaveWithLifecycle(targetOf(routeState.url ?? new URL(location.href)), next)) navigations.push(next);
}

/**
 * SvelteKit's client-side navigation (to another origin, a full one, as SvelteKit's `goto` does): the lifecycle (`beforeNavigate` may cancel), the document's
 * URL and `page.url` moved, `page.state` and the error page left, `load` re-run when asked.
 */
export async function routerGoto(to: string | URL, { invalidateAll, replaceState, state }: GotoOptions = {}): Promise<void> {
	const next = new URL(to, location.href);
	if (next.origin !== location.origin) return leaveDocument(next);
	await navigateWithLifecycle(targetOf(routeState.url ?? new URL(location.href)), targetOf(next), 'goto', async () => {
		navigations.push(next);
		history[replaceState ? 'replaceState' : 'pushState'](history.state, '', next);
		routeState.url = next;
		// Each history entry has its own state: a navigation without one starts empty.
		routeState.state = state ?? {};
		// Another page: no form result yet, and the error page left.
		routeState.form = null;
		routeState.status = 200;
		routeState.error = null;
		if (invalidateAll) await config.invalidateAll();
	});
}
