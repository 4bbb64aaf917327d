// `#app/paths` for SvelteKit's remote-function client code in component tests (see ./client.ts):
// remote calls go to `/_app/remote/…`, SvelteKit's default `appDir` at the root.
export { base, assets } from '../app/paths.js';

/** SvelteKit's default `appDir`. */
export const app_dir = '_app';
