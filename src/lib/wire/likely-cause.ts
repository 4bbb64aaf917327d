/**
 * Says why a response is probably not an action result, for development error messages: the
 * afternoon-savers. Each case is what SvelteKit or a proxy really answers.
 */
export function likelyCause(response: Response, text: string, refused = false): string {
	if (response.status === 403 && /Cross-site \w+ form submissions are forbidden/.test(text)) {
		return (
			". SvelteKit refused a cross-site POST (its CSRF check): post from the app's own origin, " +
			'or add this origin to kit.csrf.trustedOrigins in svelte.config.js.'
		);
	}
	// An app error (`{ "message": … }`) with an error status: its words are already in the message.
	if (refused) return ". The server refused the request before any action ran (a `handle` hook's error(), for instance).";
	if (response.redirected) {
		// SvelteKit 3 navigates there; we keep the form as typed and say where it went.
		return (
			`. The request was redirected to ${response.url.slice(0, 80)} (a proxy or a login page?), which is ` +
			'not a form action: nothing was navigated to, so what was typed stays. Check who redirects it.'
		);
	}
	if (/^\s*</.test(text) || response.headers.get('content-type')?.includes('text/html')) {
		return (
			'. The server answered with an HTML page: the URL is likely not a form action (a +server ' +
			"route, a page without actions, or a proxy's error page). Check the form's action and " +
			'that the page has a +page.server file exporting `actions`.'
		);
	}
	if (response.status === 404) return ". Nothing answers at this URL: check the form's action.";
	return '. A form action answers JSON with "type" success, failure, redirect or error.';
}
