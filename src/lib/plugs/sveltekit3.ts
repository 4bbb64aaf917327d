import { isSamePage } from '../result/same-page.js';
import type { Plug } from '../types.js';

/**
 * A plug: `update()` follows SvelteKit 3's rules for a result that names its page (`location`,
 * which every SvelteKit 3 server sends with successes, failures and errors; SvelteKit 2 never
 * does): `refreshAll` before its deprecated alias `invalidateAll`, an explicit `true` refreshes
 * after a failure or error too, and a result of another page of this site is shown there, as a
 * native submission shows it, unless `navigate: false` applies it here. A result without
 * `location` keeps SvelteKit 2's rules. `configure(sveltekit)` adds it to every form; an app
 * outside SvelteKit whose actions are served by SvelteKit 3 adds it with
 * `configure({ use: [sveltekit3()] })`.
 */
export function sveltekit3(): Plug {
	return {
		plan(result, _action, { reset = true, refreshAll, invalidateAll, navigate = true }) {
			if (result.type === 'redirect' || result.location === undefined) return;
			const resetForm = result.type === 'success' && reset;
			const refresh = refreshAll ?? invalidateAll ?? result.type === 'success';
			if (!navigate) return { reset: resetForm, refresh, to: 'here' };
			const page = new URL(result.location, location.href);
			// SvelteKit 3's "same page" counts the query too (`/list?page=2` is not `/list`).
			const here = page.origin !== location.origin || isSamePage(page, true);
			return { reset: resetForm, refresh, to: here ? 'here' : page };
		}
	};
}
