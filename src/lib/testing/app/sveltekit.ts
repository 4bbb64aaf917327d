// `svelte-form-actions/sveltekit` in component tests (see the `svelteKitTesting` Vite plugin).
// The same wiring as the real entry, onto the kit's stand-ins of SvelteKit's runtime: it does
// nothing until the app's root layout (or `renderPage`'s `wiring: true`) passes it to `configure`.
import type { ActionResult, Config } from '../../types.js';
import { sveltekit3 } from '../../plugs/sveltekit3.js';
import { withAppError } from '../../sveltekit/app-error.js';
import { routerGoto } from '../router.js';
import { applyAction } from './apply-action.js';
import { kitMajor } from './kit-major.js';
import { afterNavigate, beforeNavigate } from './lifecycle.js';

/**
 * What the real `sveltekit` sets, for the page `renderPage` mounted: results handed to SvelteKit's
 * `applyAction` (the kit's, which writes the `form` prop, `$app/state` and the error page; in
 * SvelteKit 3 an error as an `App.Error`), `goto` through the kit's router, and its navigation
 * lifecycle (a navigation clears `page` and every boundary). `invalidateAll` stays the default:
 * the refreshers, `renderPage`'s `load` among them.
 */
export const sveltekit = {
	applyAction: (result: ActionResult) => applyAction(kitMajor >= 3 ? withAppError(result) : result),
	goto: (url: string | URL, { invalidateAll }: { invalidateAll: boolean }) => routerGoto(url, { invalidateAll }),
	afterNavigate,
	beforeNavigate,
	// As the real wiring: results of a SvelteKit 3 server follow its rules.
	use: [sveltekit3()]
} satisfies Partial<Config>;
