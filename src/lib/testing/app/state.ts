// `$app/state` in component tests (see the `svelteKitTesting` Vite plugin).
export { page } from './page.svelte.js';

/** Never navigating: the test kit has no router. */
export const navigating = { from: null, to: null, type: null, willUnload: null, delta: null, complete: null };

/** The app is never out of date in a test. */
export const updated = { current: false, check: async () => false };
