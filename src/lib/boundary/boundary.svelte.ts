import { call } from '../form/dom.js';
import { pageState } from '../page.svelte.js';

/** An error on show: which form it came from (none for `applyAction`) and which boundary shows it. */
interface ShownError {
	form: Element | undefined;
	boundary: BoundaryState | undefined;
	error: unknown;
	status: number;
}

/**
 * The one store of shown errors, keyed by form, newest last. Boundaries are views over it, so
 * clearing it (`clearPage()`, a navigation) clears every boundary at once.
 */
class ErrorStore {
	list = $state.raw<ShownError[]>([]);
}

const store = new ErrorStore();

/** Records `error` of `form`, replacing that form's earlier one; returns the boundary that shows it. */
export function showError(form: Element | undefined, error: unknown, status: number): BoundaryState | undefined {
	const boundary = boundaryFor(form);
	store.list = [...store.list.filter((shown) => shown.form !== form), { form, boundary, error, status }];
	return boundary;
}

/** Forgets the error of `form` (a later success or failure of that form). */
export function clearErrorOf(form: Element | undefined): void {
	if (store.list.some((shown) => shown.form === form)) store.list = store.list.filter((shown) => shown.form !== form);
}

/** Forgets every error: the page was cleared or left. */
export function clearErrors(): void {
	if (store.list.length) store.list = [];
}

/** An `<ErrorBoundary>`: shows the newest error routed to it. Only the library adds errors; the user can dismiss them. */
export class BoundaryState {
	#shown = $derived(store.list.findLast((shown) => shown.boundary === this));

	/** The shown error, or `null`. */
	get error(): any {
		return this.#shown ? this.#shown.error : null;
	}

	/** The entry on show: a new one per error recorded, the same when an older one shows again. */
	get shown(): object | undefined {
		return this.#shown;
	}

	/** The HTTP status of the shown error. */
	get status(): number {
		return this.#shown?.status ?? 500;
	}

	/** Hides this boundary's errors (and clears `page.error` when it is one of them). */
	dismiss = () => {
		const mine = store.list.filter((shown) => shown.boundary === this);
		if (mine.some((shown) => shown.error === pageState.error)) pageState.error = null;
		store.list = store.list.filter((shown) => shown.boundary !== this);
	};
}

const boundaries = new WeakMap<Element, BoundaryState>();
const roots: BoundaryState[] = [];

/** Registers a boundary rendered as `element`; returns what unregisters it. */
export function registerBoundary(element: Element, boundary: BoundaryState, root: boolean): () => void {
	boundaries.set(element, boundary);
	if (root) roots.push(boundary);
	return () => {
		boundaries.delete(element);
		if (root) roots.splice(roots.indexOf(boundary), 1);
	};
}

/**
 * The boundary that shows an error of `form`: the nearest one enclosing it, else the root one
 * (the newest, when several are mounted); without a form, the root one.
 */
export function boundaryFor(form?: Element): BoundaryState | undefined {
	// Through `dom.js`: a field named `closest` would shadow the form's (DOM clobbering).
	const element = form && call(form, 'closest', '[data-form-error-boundary]');
	return (element && boundaries.get(element)) || roots[roots.length - 1];
}
