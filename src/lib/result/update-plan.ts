import { config } from '../config.js';
import type { ActionResult, UpdateOptions, UpdatePlan } from '../types.js';

/**
 * What `update(options)` does with `result` by SvelteKit 2's rules: a success resets the form and
 * refreshes (`invalidateAll`), and a result is applied to the page it was posted from (an error
 * everywhere). Redirects: no reset, no refresh, `goto` the target. A plug's `plan` may decide
 * instead (`sveltekit3()`: the rules of SvelteKit 3 for results that name their page).
 */
export function planUpdate(result: ActionResult, action: URL, options: UpdateOptions): UpdatePlan {
	const { reset = true, refreshAll, invalidateAll } = options;
	if (result.type === 'redirect') return { reset: false, refresh: false, to: 'here' };
	// Only successes refresh, and `invalidateAll` is the name that counts.
	const refresh = result.type === 'success' && (invalidateAll ?? refreshAll ?? true);
	const here = result.type === 'error' || config.isCurrentPage(action);
	return { reset: result.type === 'success' && reset, refresh, to: here ? 'here' : 'nowhere' };
}
