// SvelteKit's `applyAction` (`$app/forms`) in component tests: the only writer of what SvelteKit
// shows (`page.form`, `page.status`, the `form` prop, the error page). Its own `enhance` calls it,
// and so does this library's once the app called `configure(sveltekit)`; without that call this
// library's results never reach it, as in the app.
import { tick } from 'svelte';
import { resetFocus } from '../../result/focus.js';
import type { ActionResult } from '../../types.js';
import { routerGoto } from '../router.js';
import { routeState } from './page.svelte.js';

/**
 * As SvelteKit's: an error renders the nearest error page with the result's status (500 without
 * one); a redirect is a client-side `goto` that re-runs `load`; a success or failure sets
 * `page.form` and `page.status` (the `form` prop cleared first, so equal data renders again), and
 * a success then resets focus.
 */
export async function applyAction(result: ActionResult): Promise<void> {
	if (result.type === 'error') {
		routeState.form = null;
		routeState.error = { error: result.error, status: result.status ?? 500 };
	} else if (result.type === 'redirect') {
		await routerGoto(result.location, { invalidateAll: true });
	} else {
		routeState.status = result.status;
		routeState.form = null;
		await tick();
		routeState.form = result.data;
		if (result.type === 'success') resetFocus();
	}
}
