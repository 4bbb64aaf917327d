// SvelteKit 3 renamed what refreshes a page's data: `refreshAll` replaces `invalidateAll` (the
// function, `goto`'s option and `update`'s), and using the old names prints a deprecation warning
// in development. Both versions export the same names from `$app/navigation`, so which to call is
// decided by the running SvelteKit's version; each version's own `enhance` calls the same.
import { VERSION } from '@sveltejs/kit';
// A namespace import: early SvelteKit 2 versions have no `refreshAll` to import by name.
import * as navigation from '$app/navigation';

/** Whether the running SvelteKit is 3 or later. */
export const kit3 = parseInt(VERSION, 10) >= 3;

/** SvelteKit's `goto`, given the refresh option by the name this SvelteKit reads without a warning. */
export function goto(url: string | URL, { invalidateAll }: { invalidateAll: boolean }): Promise<void> {
	const options = kit3 ? { refreshAll: invalidateAll } : { invalidateAll };
	return navigation.goto(url, options as Parameters<typeof navigation.goto>[1]);
}

/** Re-runs every `load` of the page: SvelteKit 3's `refreshAll`, SvelteKit 2's `invalidateAll`. */
export const invalidateAll: () => Promise<void> = kit3 ? () => navigation.refreshAll() : navigation.invalidateAll;
