// `$app/forms` in component tests (see the `svelteKitTesting` Vite plugin): SvelteKit's
// behaviour, not this library's (its `enhance` reports to no <ErrorBoundary>).
export { enhance } from './enhance.js';
export { applyAction } from './apply-action.js';
export { deserialize } from '../../wire/deserialize.js';
