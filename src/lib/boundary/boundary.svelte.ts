import { call } from '../form/dom.js';
import { pageState, type ShownError } from '../page.svelte.js';

/** An `<ErrorBoundary>`: shows the newest error routed to it. Only the library adds errors; the user can dismiss them. */
export class BoundaryState {
	#shown = $derived(pageState.shown.findLast((shown) => shown.boundary === this));

	/** The shown error, or `null`. */
	get error(): any {
		return this.#shown ? this.#shown.error : null;
	}

	/** The entry on show: a new one per error recorded, the same when an older one shows again. */
	get shown(): ShownError | undefined {
		return this.#shown;
	}

	/** The HTTP status of the shown error. */
	get status(): number {
		return this.#shown?.status ?? 500;
	}

	/** Hides this boundary's errors (and clears `page.error` when it is one of them). */
	dismiss = () => {
		const mine = pageState.shown.filter((shown) => shown.boundary === this);
		if (mine.some((shown) => shown.error === pageState.error)) pageState.error = null;
		pageState.shown = pageState.shown.filter((shown) => shown.boundary !== this);
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
