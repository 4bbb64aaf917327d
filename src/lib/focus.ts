/**
 * Resets focus after a successful submission, as SvelteKit does after a navigation: the first
 * `[autofocus]` element, else the document body, so the next Tab starts from the top and
 * screen readers hear the page anew.
 */
export function resetFocus(): void {
	const autofocus = document.querySelector<HTMLElement>('[autofocus]');
	if (autofocus) {
		autofocus.focus();
		return;
	}
	const body = document.body;
	const tabindex = body.getAttribute('tabindex');
	// The body only takes focus with a tabindex; it must not keep one, or it would steal clicks.
	body.tabIndex = -1;
	body.focus({ preventScroll: true });
	if (tabindex === null) body.removeAttribute('tabindex');
	else body.setAttribute('tabindex', tabindex);
}
