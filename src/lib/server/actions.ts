import type { ActionResult } from '../types.js';
import { readEvent, TooLarge } from './body.js';
import { corsPolicy, type CorsOptions } from './cors.js';
import { bodySizeLimit, originList } from './options.js';
import { FORM_TYPES, crossSite, forbidden, mediaType } from './origin.js';
import { ActionFailure, HttpError, Redirect, isOutcome } from './outcome.js';
import { actionResponse } from './response.js';

/** What an action receives. */
export interface ActionEvent<Params = Record<string, string>> {
	/**
	 * The request, body unread: the action may read it itself, as a SvelteKit action does (it is
	 * a copy carrying the bytes already read for `formData`: the body is read only once).
	 */
	request: Request;
	/** The submitted fields, already parsed. */
	formData: FormData;
	/** The URL posted to, with its `?/name` search. */
	url: URL;
	/** Whatever the caller passed as the second argument of the handler (path parameters…). */
	params: Params;
}

/**
 * A form action: returns data (a success), `fail(status, data)` (a failure), or throws
 * `redirect(status, location)` or `error(status, body)`. Anything else thrown is an unexpected
 * error: a 500 with a generic message, the real error logged. SvelteKit's own `fail`,
 * `redirect` and `error` work too.
 */
export type Action<Params = Record<string, string>> = (event: ActionEvent<Params>) => unknown;

/** What `render` gets for a submission made without JavaScript. */
export interface RenderInput {
	/**
	 * The action's result, data not encoded (`success`, `failure` or `error`; a `redirect` never
	 * reaches `render`: it is answered with the redirect itself). An `error` holds what is safe
	 * to show: the `error()` body, or `{ message: 'Internal Error' }` for anything unexpected.
	 */
	result: Exclude<ActionResult, { type: 'redirect' }>;
	/** The HTTP status SvelteKit would answer with: 200, the failure's or the error's. */
	status: number;
	request: Request;
	url: URL;
}

export interface FormActionsOptions {
	/**
	 * Renders the page for a submission made without JavaScript (a native form POST, whose
	 * `accept` header prefers HTML), as SvelteKit re-renders the page with `form`. A string is
	 * sent as `text/html` with `status`. Without `render`, every POST gets the JSON result (an
	 * app that only works with JavaScript).
	 */
	render?: (input: RenderInput) => Response | string | Promise<Response | string>;
	/**
	 * Origins (`https://checkout.example.com`) whose pages may post forms here. A form POST
	 * from any other site, or without an `Origin` header, is refused with a 403, as SvelteKit
	 * refuses it (its `csrf.trustedOrigins`). `['*']` trusts every origin. Checked when the handler
	 * is made: an array of origins exactly as a browser sends them (no path, no trailing slash, no
	 * wildcard, lower case); anything else throws an error saying what to write.
	 */
	trustedOrigins?: readonly string[];
	/**
	 * Lets pages on other origins post with `enhance` and read the results (CORS): answers the
	 * browser's preflight (`OPTIONS`, so route it here too) and adds
	 * `Access-Control-Allow-Origin` to every answer for a listed origin. Listed origins are
	 * trusted by the cross-site check as well. `['https://app.example.com']`, or
	 * `{ origins, credentials: true }` for posts that carry the user's cookies; `'*'` lets every
	 * origin post and read (never with credentials). Unset: no CORS headers at all.
	 *
	 * ```js
	 * formActions(actions, { cors: { origins: ['https://app.example.com'], credentials: true } });
	 * ```
	 */
	cors?: readonly string[] | CorsOptions;
	/**
	 * The largest body accepted, in bytes: 524,288 (512K, adapter-node's `BODY_SIZE_LIMIT`)
	 * unless set; `Infinity` for no limit. A larger body is answered 413 and no action runs: one
	 * whose `Content-Length` says so before it is read, one streamed past the limit as soon as it
	 * passes it. Raise it for uploads: `bodySizeLimit: 16 * 1024 * 1024` for 12 MB of files.
	 */
	bodySizeLimit?: number;
}

/** Answers a request: `params` becomes the actions' `event.params`. */
export type FormActionsHandler<Params> = (request: Request, params?: Params) => Promise<Response>;

// Errors SvelteKit's runtime raises itself: the client gets `text`, the log gets the message.
class KitError extends Error {
	constructor(
		readonly status: number,
		readonly text: string,
		message: string
	) {
		super(message);
	}
}

/**
 * A `Request` → `Response` handler for one page's form actions, answering exactly as a
 * SvelteKit 2 server does. Named actions are chosen by `?/name` in the URL; `default` answers a
 * POST without one. Use either named actions or `default`, as in SvelteKit.
 *
 * ```js
 * const login = formActions({
 *   login: ({ formData }) => formData.get('password') === 'demo'
 *     ? redirect(303, '/')
 *     : fail(400, { email: formData.get('email'), incorrect: true })
 * }, { render: ({ result, status }) => page(result.data) });
 * // Hono: app.post('/login', (c) => login(c.req.raw));
 * ```
 */
export function formActions<Params = Record<string, string>>(
	actions: Record<string, Action<Params>>,
	options: FormActionsOptions = {}
): FormActionsHandler<Params> {
	if ('default' in actions && Object.keys(actions).length > 1) {
		// SvelteKit's own message: it refuses such a page too.
		throw new Error(
			'When using named actions, the default action cannot be used. See the docs for more info: https://svelte.dev/docs/kit/form-actions#named-actions'
		);
	}
	const { render } = options;
	// Checked now: a mistake here must fail at start-up, not open a hole at request time.
	const trustedOrigins = options.trustedOrigins === undefined ? [] : originList('trustedOrigins', options.trustedOrigins);
	const limit = bodySizeLimit(options.bodySizeLimit);
	const cors = options.cors !== undefined ? corsPolicy(options.cors) : undefined;
	const trusted = cors ? [...trustedOrigins, ...cors.origins] : trustedOrigins;

	async function answer(request: Request, params: Params): Promise<Response> {
		const url = new URL(request.url);
		if (crossSite(request, url, trusted)) return forbidden(request);
		if (request.method !== 'POST') {
			// What SvelteKit answers for a method an endpoint does not export.
			return text(`${request.method} method not allowed`, 405, { allow: 'POST' });
		}
		const result = await run(actions, { request, url, params }, limit);
		if (result instanceof TooLarge) return result.response(prefersJSON(request));
		if (!render || prefersJSON(request)) return json(result, url);

		// A native submission: SvelteKit's `handle_action_request`, then the page.
		if (result.type === 'redirect') return new Response(undefined, { status: result.status, headers: { location: result.location } });
		const status = result.type === 'success' ? 200 : (result.status ?? 500);
		const page = await render({ result: { ...result, status } as RenderInput['result'], status, request, url });
		return typeof page === 'string' ? text(page, status, { 'content-type': 'text/html; charset=utf-8' }) : page;
	}

	if (!cors) return (request, params = {} as Params) => answer(request, params);
	return async function respond(request, params = {} as Params) {
		return cors.preflight(request) ?? cors.withHeaders(request, await answer(request, params));
	};
}

/** Calls the action `?/name` names, and says how it ended. */
async function run<Params>(
	actions: Record<string, Action<Params>>,
	event: Omit<ActionEvent<Params>, 'formData'>,
	limit: number
): Promise<ActionResult | TooLarge> {
	try {
		const name = actionName(event.url);
		if (!Object.hasOwn(actions, name)) throw new KitError(404, 'Not Found', `No action with name '${name}' found`);
		const { request } = event;
		const type = mediaType(request);
		if (!FORM_TYPES.includes(type)) {
			throw new KitError(415, 'Unsupported Media Type', `Form actions expect form-encoded data — received ${request.headers.get('content-type')}`);
		}
		const withBody = await readEvent(event, type, limit);
		if (withBody instanceof TooLarge) return withBody;
		return toResult(await actions[name](withBody));
	} catch (thrown) {
		return fromThrown(thrown);
	}
}

/** SvelteKit's rule: the first search parameter starting with `/` names the action. */
function actionName(url: URL): string {
	for (const [key] of url.searchParams) {
		if (!key.startsWith('/')) continue;
		const name = key.slice(1);
		if (name === 'default') throw new Error('Cannot use reserved action name "default"');
		return name;
	}
	return 'default';
}

/** What the action returned, as a result. */
function toResult(returned: unknown): ActionResult {
	if (isOutcome(returned, ActionFailure)) return { type: 'failure', status: returned.status, data: returned.data as any };
	// SvelteKit's rule, falsy data included: no data is a 204 (a native submission gets 200).
	return { type: 'success', status: returned ? 200 : 204, data: returned as any };
}

/** The result for something thrown, as SvelteKit builds it (and logs it). */
function fromThrown(thrown: unknown): ActionResult {
	if (isOutcome(thrown, Redirect)) return { type: 'redirect', status: thrown.status, location: thrown.location };
	if (isOutcome(thrown, HttpError)) {
		// Expected errors are not logged; their body is sent as it is (SvelteKit's fallback message
		// covers apps whose `App.Error` has no `message`).
		const body: object = thrown.body;
		return { type: 'error', status: thrown.status, error: { message: 'Unknown Error', ...body } };
	}
	if (isOutcome(thrown, ActionFailure)) thrown = new Error('Cannot "throw fail()". Use "return fail()"');
	// Anything else may hold secrets: the client gets a generic message, the log the real error.
	console.error(thrown);
	const { status, text } = thrown instanceof KitError ? thrown : { status: 500, text: 'Internal Error' };
	return { type: 'error', status, error: { message: text } };
}

/** The JSON answer; data devalue cannot encode is SvelteKit's 500, with its message logged. */
function json(result: ActionResult, url: URL): Response {
	try {
		return actionResponse(result);
	} catch (cause) {
		return actionResponse(fromThrown(unserializable(result, url.pathname, cause)));
	}
}

/** Says why `result.data` could not be sent, as SvelteKit does. */
function unserializable(result: ActionResult, path: string, cause: any): Error {
	const data = 'data' in result ? result.data : undefined;
	if (data instanceof Response) {
		return new Error(
			`Data returned from action inside ${path} is not serializable: actions return plain objects or fail(), ` +
				'not a Response. For a hand-made response, use actionResponse().',
			{ cause }
		);
	}
	const where = cause?.path ? ` (data${cause.path})` : '';
	return new Error(`Data returned from action inside ${path} is not serializable: ${cause?.message}${where}`, { cause });
}

/**
 * SvelteKit's choice between the JSON result and the page: JSON when the `accept` header ranks
 * `application/json` at least as high as `text/html` (`enhance` sends `accept: application/json`;
 * a browser's native POST prefers HTML; a request without `accept` gets JSON). The header is read
 * as SvelteKit reads it, so that both answer alike: `q` counts only as a range's first parameter
 * (`text/html;level=1;q=0.5` is `q=1`), and from its leading digits and dots.
 */
export function prefersJSON(request: Request): boolean {
	const ranges = (request.headers.get('accept') ?? '*/*').split(',').flatMap((part, index) => {
		const parsed = /^[ \t]*([^/ \t]+)\/([^; \t]+)[ \t]*(?:;[ \t]*q=([\d.]+))?/.exec(part);
		if (!parsed) return [];
		const [, type, subtype, q = '1'] = parsed;
		return [{ type, subtype, q: Number(q), index }];
	});
	// Higher q first; then a range with a concrete subtype, then one with a concrete type; then header order.
	ranges.sort((a, b) => b.q - a.q || wild(a.subtype) - wild(b.subtype) || wild(a.type) - wild(b.type) || a.index - b.index);
	const rank = (type: string, subtype: string) =>
		ranges.findIndex((range) => [type, '*'].includes(range.type) && [subtype, '*'].includes(range.subtype));
	const json = rank('application', 'json');
	const html = rank('text', 'html');
	return json !== -1 && (html === -1 || json <= html);
}

function wild(part: string): number {
	return part === '*' ? 1 : 0;
}

function text(body: string, status: number, headers: Record<string, string>): Response {
	const bytes = new TextEncoder().encode(body);
	return new Response(bytes, { status, headers: { 'content-length': String(bytes.byteLength), ...headers } });
}
