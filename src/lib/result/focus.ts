import { call, read } from '../form/dom.js';

/**
 * Resets focus after a successful submission, as SvelteKit does after a navigation: the first
 * `[autofocus]` element, else the document body, so the next Tab starts from the top and
 * screen readers hear the page anew. Through `dom.js`: `<img name="body">` or
 * `<img name="querySelector">` shadows `document`'s, and an `[autofocus]` form its `focus`.
 */
export function resetFocus(): void {
	const autofocus = call(document, 'querySelector', '[autofocus]') as HTMLElement | null;
	if (autofocus) {
		call(autofocus, 'focus');
		return;
	}
	const body = read(document, 'body');
	if (!body) return;
	const tabindex = body.getAttribute('tabindex');
	// The body only takes focus with a tabindex; it must not keep one, or it would steal clicks.
	body.tabIndex = -1;
	body.focus({ preventScroll: true });
	if (tabindex === null) body.removeAttribute('tabindex');
	else body.setAttribute('tabindex', tabindex);
}
