// `$app/forms` in component tests (see the `svelteKitTesting` Vite plugin).
export { enhance } from '../enhance.js';
export { applyAction } from '../apply-action.js';
export { deserialize } from '../deserialize.js';
