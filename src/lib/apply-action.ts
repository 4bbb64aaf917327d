import { BROWSER, DEV } from 'esm-env';
import { tick } from 'svelte';
import { clearErrorOf, showError } from './boundary.svelte.js';
import { config } from './config.js';
import { resetFocus } from './focus.js';
import { navigate, target } from './navigate.js';
import { pageState } from './page.svelte.js';
import type { ActionResult } from './types.js';

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

/** `applyAction`, with the form the result came from: its nearest error boundary shows errors. */
export async function applyResult(result: ActionResult, form?: HTMLFormElement): Promise<void> {
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
			await (same ? config.goto : navigate)(url.href, { invalidateAll: true });
		} catch (error) {
			await applyResult({ type: 'error', error }, form);
		}
	} else if (result.type === 'error') {
		pageState.error = result.error;
		pageState.status = result.status ?? 500;
		// A boundary shows it and the form stays as typed; with none, the app's own applyAction
		// (SvelteKit's renders the nearest +error.svelte).
		// (An answer that is not an action result can come with a 2xx status: an error page saying
		// 200 would contradict itself, so SvelteKit gets 500 then, as it shows such failures.)
		if (!showError(form, result.error, pageState.status) && config.applyAction) {
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
		pageState.form = result.data;
		const handOver = config.applyAction;
		// SvelteKit's applyAction resets focus itself.
		if (handOver) await handOver(result);
		else if (result.type === 'success') resetFocus();
	}
}
