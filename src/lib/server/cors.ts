/** Which other origins' pages may post forms here with `enhance`, and read the answers. */
export interface CorsOptions {
	/**
	 * Origins as the browser sends them in `Origin` (`'https://app.example.com'`: scheme, host and
	 * port, no path), or `'*'` for every origin. Each is also trusted by the cross-site check.
	 */
	origins: readonly string[];
	/**
	 * Sends `Access-Control-Allow-Credentials: true`, so a form posted with
	 * `credentials: 'include'` carries the user's cookies and its page may read the result. Only
	 * with listed origins: `'*'` with credentials would let every site act as the user.
	 */
	credentials?: boolean;
}

import { originList } from './options.js';

/** What `formActions` needs of its `cors` option. */
export interface CorsPolicy {
	/** The listed origins, which the cross-site check trusts too. */
	origins: readonly string[];
	/** The answer to a CORS preflight from a listed origin; `undefined` for any other request. */
	preflight(request: Request): Response | undefined;
	/** `response`, with the CORS headers the request's origin gets and `Vary: Origin`. */
	withHeaders(request: Request, response: Response): Response;
}

// `enhance` always sends it, and it is what makes a cross-origin post need a preflight.
const ACTION_HEADER = 'x-sveltekit-action';
// What a header name may be (RFC 9110 `token`): anything else in the request's list is dropped.
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** Checks the `cors` option (a bare list means `{ origins }`) and makes its policy. */
export function corsPolicy(option: readonly string[] | CorsOptions): CorsPolicy {
	const { origins, credentials } = corsOptions(option);
	const anyOrigin = origins.includes('*');
	if (anyOrigin && credentials) {
		throw new Error(
			"formActions: `cors` cannot combine '*' with `credentials: true`: every site's page could then post " +
				"with the user's cookies and read the result. List the origins that may (`origins: ['https://app.example.com']`), " +
				'or drop `credentials` for a public endpoint.'
		);
	}

	/** The `Access-Control-Allow-Origin` a request gets, if any. */
	function allowedOrigin(request: Request): string | undefined {
		const origin = request.headers.get('origin');
		if (!origin) return undefined;
		// Without credentials, `*` is enough for every origin, and says so plainly.
		if (anyOrigin) return '*';
		return origins.includes(origin) ? origin : undefined;
	}

	function withHeaders(request: Request, response: Response): Response {
		// A copy: a Response made by `Response.redirect()` or `fetch()` (a `render` may return one)
		// has headers that cannot change.
		const headers = new Headers(response.headers);
		// The answer depends on `Origin`: a cache must not hand one origin's answer to another.
		const vary = headers.get('vary')?.toLowerCase().split(',').map((name) => name.trim()) ?? [];
		if (!vary.includes('origin') && !vary.includes('*')) headers.append('vary', 'Origin');
		const allowed = allowedOrigin(request);
		if (allowed) {
			headers.set('access-control-allow-origin', allowed);
			if (credentials) headers.set('access-control-allow-credentials', 'true');
		}
		return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	}

	return {
		origins,
		withHeaders,
		preflight(request) {
			const isPreflight = request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
			if (!isPreflight || !allowedOrigin(request)) return undefined;
			// No Access-Control-Max-Age: `enhance` posts with `cache: 'no-store'` (as SvelteKit's
			// does), and Chromium then preflights every post whatever the cache age says.
			const headers = new Headers({
				// Only POST: the browser then sends no other method here, whatever the page asks.
				'access-control-allow-methods': 'POST',
				'access-control-allow-headers': allowedHeaders(request)
			});
			return withHeaders(request, new Response(null, { status: 204, headers }));
		}
	};
}

/**
 * `x-sveltekit-action`, and the headers the page asks for: the origin is trusted to post and to
 * read the answer already, and an app may add its own (`authorization`) through `configure({ fetch })`.
 */
function allowedHeaders(request: Request): string {
	const asked = (request.headers.get('access-control-request-headers') ?? '').split(',').map((name) => name.trim().toLowerCase());
	return [...new Set([ACTION_HEADER, ...asked.filter((name) => TOKEN.test(name))])].join(', ');
}

/** The option as `{ origins, credentials }`, or an error saying what to write instead. */
function corsOptions(option: unknown): Required<CorsOptions> {
	// Anything but a `{ origins }` object must be the bare list: `originList` says what else it got.
	if (typeof option !== 'object' || option === null || Array.isArray(option)) return { origins: originList('cors', option), credentials: false };
	const { origins, credentials = false } = option as CorsOptions;
	if (typeof credentials !== 'boolean') {
		throw new Error(`formActions: \`cors.credentials\` must be true or false — got ${typeof credentials} ${String(credentials)}.`);
	}
	return { origins: originList('cors.origins', origins), credentials };
}
