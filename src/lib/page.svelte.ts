/**
 * An error on show: which form it came from (none for `applyAction`), which boundary shows it
 * (none when no `<ErrorBoundary>` takes it) and its status.
 */
export interface ShownError {
	form: Element | undefined;
	boundary: object | undefined;
	error: unknown;
	status: number;
	/**
	 * Whether it took focus already. One shown again, because a newer one was cleared, does not
	 * take it a second time: the user has met it, and may be typing elsewhere after a failure.
	 */
	met?: boolean;
}

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
	/**
	 * The errors on show, keyed by form, newest last: the one store every `<ErrorBoundary>` is a
	 * view over, so clearing it (`clearPage()`, a navigation) clears every boundary at once.
	 */
	shown = $state.raw<ShownError[]>([]);
}

/** The writable state; only this library writes it. */
export const pageState = new PageState();

/**
 * Reactive page state, like SvelteKit's `page` from `$app/state`: reading `page.form`,
 * `page.status` or `page.error` in a component, `$derived` or `$effect` re-runs when a result is
 * applied. Getters only, as SvelteKit's: a write throws instead of changing what the page shows.
 */
export const page: Readonly<Pick<PageState, 'form' | 'status' | 'error'>> = {
	get form() {
		return pageState.form;
	},
	get status() {
		return pageState.status;
	},
	get error() {
		return pageState.error;
	}
};

/**
 * Clears `page.form` and `page.error`, puts `page.status` back to 200 and empties every
 * `<ErrorBoundary>`: for a "dismiss" button, or after a client-side navigation (which
 * `configure(sveltekit)` does for you inside SvelteKit).
 */
export function clearPage(): void {
	if (pageState.shown.length) pageState.shown = [];
	pageState.form = null;
	pageState.error = null;
	pageState.status = 200;
	pageState.applied = false;
}

/**
 * The form result to show: a server-rendered `form` until an enhanced submission applies a
 * result, then `page.form`. One expression for pages with and without JavaScript:
 * `const result = $derived(formResult(form))`. Not needed inside SvelteKit once the app calls
 * `configure(sveltekit)`: the `form` prop itself then follows every result.
 */
export function formResult<T>(serverForm: T): T {
	return pageState.applied ? pageState.form : serverForm;
}

/** Records `error` of `form`, shown by `boundary`, replacing that form's earlier one. */
export function showError(form: Element | undefined, boundary: object | undefined, error: unknown, status: number): void {
	pageState.shown = [...pageState.shown.filter((shown) => shown.form !== form), { form, boundary, error, status }];
}

/** Forgets the error of `form` (a later success or failure of that form). */
export function clearErrorOf(form: Element | undefined): void {
	if (pageState.shown.some((shown) => shown.form === form)) pageState.shown = pageState.shown.filter((shown) => shown.form !== form);
}
