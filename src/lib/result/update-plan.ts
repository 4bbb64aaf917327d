import { config } from '../config.js';
import { isSamePage } from './same-page.js';
import type { ActionResult, UpdateOptions } from '../types.js';

/** What `update()` does with a result: which steps, in this order. */
export interface UpdatePlan {
	/** Reset the form (successes only). */
	reset: boolean;
	/** Refresh the app's data (`invalidateAll`) before the result is applied. */
	refresh: boolean;
	/**
	 * Where the result goes: applied to the current page (`here`), not applied (`nowhere`: a
	 * SvelteKit 2 result of another page), or to the page of this URL, navigated to first.
	 */
	to: 'here' | 'nowhere' | URL;
}

/**
 * Decides what `update(options)` does with `result`, by the rules of the server that sent it.
 *
 * A SvelteKit 3 server names the page an action belongs to in `location` (success, failure and
 * error results); a SvelteKit 2 server never does. So a result with `location` follows
 * SvelteKit 3.2's `update` and one without follows SvelteKit 2's, whichever SvelteKit runs the
 * page. Redirects are the same in both (no reset, no refresh, `goto` the target).
 */
export function planUpdate(result: ActionResult, action: URL, options: UpdateOptions): UpdatePlan {
	const { reset = true, refreshAll, invalidateAll, navigate = true } = options;
	if (result.type === 'redirect') return { reset: false, refresh: false, to: 'here' };
	const resetForm = result.type === 'success' && reset;

	if (result.location === undefined) {
		// SvelteKit 2: only successes refresh, and `invalidateAll` is the name that counts. Its
		// results are applied to the page they were posted from, errors everywhere.
		const refresh = result.type === 'success' && (invalidateAll ?? refreshAll ?? true);
		const here = result.type === 'error' || config.isCurrentPage(action);
		return { reset: resetForm, refresh, to: here ? 'here' : 'nowhere' };
	}

	// SvelteKit 3.2: `refreshAll` before its deprecated alias, and an explicit `true` refreshes
	// after a failure or error too. A result of another page of this site is shown there, as a
	// native submission shows it, unless `navigate: false` applies it here.
	const refresh = refreshAll ?? invalidateAll ?? result.type === 'success';
	if (!navigate) return { reset: resetForm, refresh, to: 'here' };
	const page = new URL(result.location, location.href);
	const here = page.origin !== location.origin || isSamePage(page, true);
	return { reset: resetForm, refresh, to: here ? 'here' : page };
}
