import { byteResponse } from './response.js';

// What SvelteKit calls a form body: forms may send these cross-site without CORS, so they are
// checked here, and an action refuses anything else with a 415. The last is the binary form body
// of SvelteKit's remote functions: it passes both checks there too (and does not parse as a form).
export const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'application/x-sveltekit-formdata'];

/** The request's media type, lower case, without parameters. */
export function mediaType(request: Request): string {
	return request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
}

/**
 * SvelteKit 3.4's cross-site request forgery check: a POST (PUT, PATCH, DELETE) that another
 * site's page could send without a CORS preflight, whose `Origin` is not this server's own nor a
 * trusted one, or that has no `Origin` at all, comes from another site. Nothing else stops it.
 */
export function crossSite(request: Request, url: URL, trustedOrigins: readonly string[]): boolean {
	if (trustedOrigins.includes('*')) return false;
	if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method)) return false;
	if (!skipsPreflight(request)) return false;
	const origin = request.headers.get('origin');
	return origin !== url.origin && (!origin || !trustedOrigins.includes(origin));
}

/**
 * Whether a page on any site may send this body without a preflight (SvelteKit 3.4's
 * `can_skip_preflight`): a form's types, and what SvelteKit 2 did not check, no content type at
 * all (`fetch(url, { method: 'POST', mode: 'no-cors' })`) and `text/ping` (`<a ping>`).
 */
function skipsPreflight(request: Request): boolean {
	const type = mediaType(request);
	return !request.headers.get('content-type') || FORM_TYPES.includes(type) || type === 'text/ping';
}

/** SvelteKit's answer to a cross-site form submission, byte for byte. */
export function forbidden(request: Request): Response {
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	const asJSON = request.headers.get('accept') === 'application/json';
	return asJSON ? byteResponse(JSON.stringify({ message }), 403, { 'content-type': 'application/json' }) : byteResponse(message, 403);
}
