// `$app/navigation` in component tests (see the `svelteKitTesting` Vite plugin): the configured
// `goto` (`renderPage` records navigations) and `invalidateAll` (the registered refreshers).
export { goto, invalidateAll } from '../navigation.js';
