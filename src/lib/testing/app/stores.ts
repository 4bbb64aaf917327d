// `$app/stores` in component tests (see the `svelteKitTesting` Vite plugin).
import { readable, toStore, type Readable } from 'svelte/store';
import { page as pageState } from './page.svelte.js';

/**
 * `$page`: a snapshot of `page` from `$app/state`, new on every change. Made at import, outside
 * any component: a store made inside one would stop following `page` when that component's
 * effect re-ran. (Only tests load this module; in a browser, reading `location` here is safe.)
 */
export const page: Readable<typeof pageState> = toStore(() => ({ ...pageState }));

/** Never navigating: the test kit has no router. */
export const navigating = readable(null);

/** The app is never out of date in a test. */
export const updated = { ...readable(false), check: async () => false };

/** SvelteKit's accessor for the three stores. */
export function getStores() {
	return { page, navigating, updated };
}
