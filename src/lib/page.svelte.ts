/** Page state written by `applyAction`. Raw state: results are replaced whole, never mutated. */
class PageState {
	/** The data of the last success or failure applied on this page, else `null`. */
	form = $state.raw<any>(null);
	/** The HTTP status of the last result applied (200 until one is). */
	status = $state.raw(200);
	/** The error of the last `error` result applied, else `null`. */
	error = $state.raw<any>(null);
}

/** The writable state; only this library writes it. */
export const pageState = new PageState();

/**
 * Reactive page state, like SvelteKit's `page` from `$app/state`: reading `page.form`,
 * `page.status` or `page.error` in a component, `$derived` or `$effect` re-runs when a result is
 * applied.
 */
export const page: Readonly<PageState> = pageState;
