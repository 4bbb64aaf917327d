import { call } from './dom.js';
import { pageState } from './page.svelte.js';

/** The error an `<ErrorBoundary>` shows. Only the library sets it; the user can dismiss it. */
export class BoundaryState {
	/** The shown error, or `null`. */
	error = $state.raw<any>(null);
	/** The HTTP status of the shown error. */
	status = $state.raw(500);

	show(error: unknown, status: number) {
		this.status = status;
		this.error = error;
	}

	/** Hides the error (and clears `page.error` when it is the same one). */
	dismiss = () => {
		if (pageState.error === this.error) pageState.error = null;
		this.error = null;
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
