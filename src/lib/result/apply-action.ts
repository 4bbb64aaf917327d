import { BROWSER, DEV } from 'esm-env';
import { tick } from 'svelte';
import { boundaryFor } from '../boundary/boundary.svelte.js';
import { config } from '../config.js';
import { thrownError } from '../wire/error-text.js';
import { resetFocus } from './focus.js';
import { target } from './target.js';
import { unshown } from './unshown.js';
import { clearErrorOf, pageState, showError } from '../page.svelte.js';
import type { ActionResult } from '../types.js';

/**
 * Applies a result to the page, wherever the form posted:
 * - `success` / `failure`: sets `page.form` to `result.data` and `page.status`, clears
 *   `page.error`; a success then resets focus;
 * - `redirect`: `goto(location, { invalidateAll: true })`, or a full navigation to another
 *   origin (only those in `allowedOrigins`, when set); a refused or failed navigation is applied
 *   as an `error` result instead;
 * - `error`: sets `page.error` and `page.status` (500 when the result has none); the root
 *   `<ErrorBoundary>`, if any, shows it.
 * Inside SvelteKit (`configure(sveltekit)`), SvelteKit's own `applyAction` then gets a success or
 * failure, and an error no boundary shows (it renders the nearest `+error.svelte`).
 */
export function applyAction<
	Success extends Record<string, unknown> | undefined,
	Failure extends Record<string, unknown> | undefined
>(result: ActionResult<Success, Failure>): Promise<void> {
	if (!BROWSER) return Promise.reject(new Error('applyAction() can only be called in the browser'));
	return applyResult(result);
}

/**
 * Counts the results applied, so one that waited (a tick, a navigation) can tell whether a newer
 * one was applied meanwhile: then the newer stands, and the older writes nothing more.
 */
let applied = 0;

/**
 * `applyAction`, with the form the result came from: its nearest error boundary shows errors.
 * `current` says, after a wait, whether the form still wants this result (none newer taken).
 */
export async function applyResult(result: ActionResult, form?: HTMLFormElement, current = () => true): Promise<void> {
	const mine = ++applied;
	if (result.type === 'redirect') {
		try {
			// Refuses script URLs however spelled, and locations that are no URL at all.
			const url = target(result.location);
			const { allowedOrigins } = config;
			const same = url.origin === location.origin;
			if (!same && allowedOrigins && !allowedOrigins.some((origin) => new URL(origin).origin === url.origin)) {
				const why = DEV ? ': it is not in configure({ allowedOrigins })' : '';
				throw new Error(`Refused to follow a redirect to ${url.origin.slice(0, 80)}${why}`);
			}
			// Another origin is a full navigation, as natively; app routers (SvelteKit's `goto`
			// included) only handle their own origin.
			await (same ? config.goto(url.href, { invalidateAll: true }) : config.leave(url.href));
		} catch (error) {
			if (mine === applied && current()) await applyResult({ type: 'error', error: thrownError(error) }, form);
		}
	} else if (result.type === 'error') {
		pageState.error = result.error;
		pageState.status = result.status ?? 500;
		// A boundary shows it and the form stays as typed; with none, the app's own applyAction
		// (SvelteKit's renders the nearest +error.svelte).
		// (An answer that is not an action result can come with a 2xx status: an error page saying
		// 200 would contradict itself, so SvelteKit gets 500 then, as it shows such failures.)
		const boundary = boundaryFor(form);
		showError(form, boundary, result.error, pageState.status);
		if (!boundary && !config.applyAction) unshown(form, result.error, pageState.status);
		if (!boundary && config.applyAction) {
			await config.applyAction(pageState.status < 400 ? { ...result, status: 500 } : result);
		}
	} else {
		// Clear first so that the same data, or data equal to what the inputs showed before a
		// reset, still re-renders `value={page.form?.x}` (SvelteKit does the same).
		pageState.status = result.status;
		pageState.error = null;
		clearErrorOf(form);
		pageState.applied = true;
		pageState.form = null;
		await tick();
		if (mine !== applied || !current()) return;
		pageState.form = result.data;
		const handOver = config.applyAction;
		if (!handOver) {
			if (result.type === 'success') resetFocus();
			return;
		}
		// SvelteKit's applyAction resets focus itself, after it applied the result, through
		// `document.querySelector`, which markup can clobber (`<img name="querySelector">`): the
		// result is in by then, so reset focus the library's clobbering-safe way instead.
		try {
			await handOver(result);
		} catch (error) {
			if (result.type !== 'success' || !(error instanceof TypeError)) throw error;
			// Unless a newer result was applied while SvelteKit worked: focus is the newer one's.
			if (mine === applied && current()) resetFocus();
		}
	}
}
