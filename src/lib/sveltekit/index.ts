// Only builds inside a SvelteKit app: `$app/*` are SvelteKit's virtual modules (svelte-package
// leaves these imports as they are, the app's bundler resolves them).
import { applyAction, deserialize } from '$app/forms';
import { afterNavigate, beforeNavigate } from '$app/navigation';
import { sveltekit3 } from '../plugs/sveltekit3.js';
import type { ActionResult, Config } from '../types.js';
import { withAppError } from './app-error.js';
import { goto, invalidateAll, kit3 } from './navigation.js';

/**
 * The `configure` options that wire this library into SvelteKit's router and page state, from
 * SvelteKit's public `$app/forms` and `$app/navigation`. Pass it to `configure` once, at the top
 * level of the root `+layout.svelte` script (not in `onMount` or `$effect`): `configure(sveltekit)`.
 * (No import lines here: svelte-package would rewrite the package's name in them.)
 *
 * It sets:
 * - `applyAction`: SvelteKit's, handed each result after the library's own checks and race
 *   rule, so the `form` prop, `page` of `$app/state` and `$page` of `$app/stores` follow results,
 *   and an error no `<ErrorBoundary>` shows renders the nearest `+error.svelte` (in SvelteKit 3
 *   as an `App.Error`, `{ status, message }`, when the browser made it);
 * - `decode`: SvelteKit's decoding of `data`, so the app's `transport` hook types arrive;
 * - `goto`, `invalidateAll`: SvelteKit's (a redirect's target is checked before `goto` sees it);
 *   in SvelteKit 3 by their non-deprecated names, `refreshAll` (see navigation.ts);
 * - `afterNavigate`: SvelteKit's, so a navigation clears `page` and every boundary;
 * - `beforeNavigate`: SvelteKit's, for leave guards;
 * - `use`: `[sveltekit3()]`, so a result of a SvelteKit 3 server follows SvelteKit 3's `update()`
 *   rules (one of a SvelteKit 2 server, without `location`, keeps SvelteKit 2's).
 *
 * Options passed to `configure` later win (`configure({ transport })` after it decodes with
 * those transporters instead). `resetAll()` in tests removes it all.
 */
export const sveltekit: Pick<Required<Config>, 'applyAction' | 'decode' | 'goto' | 'invalidateAll' | 'afterNavigate' | 'beforeNavigate' | 'use'> = {
	// SvelteKit 3 reads an error's status from the error itself: app-error.ts.
	applyAction: (result: ActionResult) => applyAction(kit3 ? withAppError(result) : result),
	// SvelteKit decodes `data` with the app's transport decoders only through `deserialize`:
	// give it a result holding just `data` (the library checked the rest already).
	decode: (data: string) => (deserialize(JSON.stringify({ type: 'success', status: 200, data })) as { data?: unknown }).data,
	goto,
	invalidateAll,
	afterNavigate,
	beforeNavigate,
	use: [sveltekit3()]
};
