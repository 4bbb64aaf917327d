// `svelte-form-actions/sveltekit` in component tests (see the `svelteKitTesting` Vite plugin).
// The real entry hands results to SvelteKit's `applyAction`; here there is no SvelteKit, so the
// hand-over applies them the way SvelteKit would, to the test kit's own router state. It never
// calls back into this library's `applyAction` (which would hand the result over again).
import { resetFocus } from '../../result/focus.js';
import { sveltekit3 } from '../../plugs/sveltekit3.js';
import type { ActionResult, Config } from '../../types.js';
import { routeState } from './page.svelte.js';

/**
 * What SvelteKit's `applyAction` does, for the page `renderPage` mounted: an error renders the
 * error page (the `error` option of `renderPage`, else SvelteKit's default one); a success or
 * failure is already in `page.form`, which the `form` prop and `$app/state` read, and a success
 * resets focus. `goto` and `invalidateAll` stay `renderPage`'s (it records navigations).
 */
export const sveltekit = {
	applyAction(result: ActionResult) {
		if (result.type === 'error') routeState.error = { error: result.error, status: result.status ?? 500 };
		else if (result.type === 'success') resetFocus();
	},
	// As the real wiring: results of a SvelteKit 3 server follow its rules.
	use: [sveltekit3()]
} satisfies Partial<Config>;
