/** Page state written by `applyAction`. Raw state: results are replaced whole, never mutated. */
class PageState {
	/** The data of the last success or failure applied on this page, else `null`. */
	form = $state.raw<any>(null);
	/** The HTTP status of the last result applied (200 until one is). */
	status = $state.raw(200);
	/** The error of the last `error` result applied, else `null`. */
	error = $state.raw<any>(null);
	/** Whether a success or failure was applied since the page was cleared. */
	applied = $state.raw(false);
}

/** The writable state; only this library writes it. */
export const pageState = new PageState();

/**
 * Reactive page state, like SvelteKit's `page` from `$app/state`: reading `page.form`,
 * `page.status` or `page.error` in a component, `$derived` or `$effect` re-runs when a result is
 * applied.
 */
export const page: Readonly<Omit<PageState, 'applied'>> = pageState;

/**
 * Clears `page.form` and `page.error` and puts `page.status` back to 200: for a "dismiss"
 * button, or after a client-side navigation (in SvelteKit: `afterNavigate(clearPage)`).
 */
export function clearPage(): void {
	pageState.form = null;
	pageState.error = null;
	pageState.status = 200;
	pageState.applied = false;
}

/**
 * The form result to show: SvelteKit's server-rendered `form` prop until an enhanced submission
 * applies a result, then `page.form`. One expression for pages with and without JavaScript:
 * `const result = $derived(formResult(form))`.
 */
export function formResult<T>(serverForm: T): any {
	return pageState.applied ? pageState.form : serverForm;
}
