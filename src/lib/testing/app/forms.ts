// `$app/forms` in component tests (see the `svelteKitTesting` Vite plugin).
export { enhance } from '../../form/enhance.js';
export { applyAction } from '../../result/apply-action.js';
export { deserialize } from '../../wire/deserialize.js';
