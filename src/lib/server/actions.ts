import type { ActionResult } from '../types.js';
import { readEvent, TooLarge } from './body.js';
import { corsPolicy, type CorsOptions } from './cors.js';
import { bodySizeLimit, originList } from './options.js';
import { FORM_TYPES, crossSite, forbidden, mediaType } from './origin.js';
import { checkKit, kitHint, outcomeOf, type KitOutcomes } from './kit.js';
import { actionResponse, byteResponse } from './response.js';
import { prefersJSON } from './negotiate.js';
import { KitError, describe, log, unexpected, type HandleError } from './unexpected.js';
import type { Action, ActionEvent } from './event.js';

export { prefersJSON };

export type { Action, ActionEvent };

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
	/**
	 * The submitted fields, parsed (absent when no action was reached, as for a 404, or the body
	 * did not parse): to render the form again with what was typed, after an error too. Leave out
	 * the secret ones (passwords) when you do.
	 */
	formData?: FormData;
}

export interface FormActionsOptions {
	/**
	 * Renders the page for a submission made without JavaScript (a native form POST, whose
	 * `accept` header prefers HTML), as SvelteKit re-renders the page with `form`. A string is
	 * sent as `text/html` with `status`; a `Response` as it is. Without `render`, every POST gets
	 * the JSON result (an app that only works with JavaScript). When `render` throws, returns
	 * anything else, or `status` is no HTTP status (`fail(600)`), the answer is a plain-text 500,
	 * as SvelteKit's when its page fails to render.
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
	 * SvelteKit's module, for actions that use its own `fail`, `redirect` and `error` (copied from
	 * a `+page.server.ts`): its `isActionFailure`, `isRedirect` and `isHttpError` recognise them.
	 * Without it only this package's outcomes are outcomes, and SvelteKit's are unexpected errors.
	 *
	 * ```js
	 * import * as kit from '@sveltejs/kit';
	 * formActions(actions, { kit });
	 * ```
	 */
	kit?: KitOutcomes;
	/**
	 * What the client sees of an unexpected error (anything thrown that is not `error()`,
	 * `redirect()`), as SvelteKit's `handleError` hook: return `{ message }`, with more fields
	 * if you like. Without it (or when it returns nothing) the client gets
	 * `{ message: 'Internal Error' }` and the error is logged with `console.error`; with it,
	 * logging is yours. If it throws or returns no string `message`, `Internal Error` is sent
	 * and the problem logged.
	 */
	handleError?: HandleError;
	/**
	 * The largest body accepted, in bytes: 524,288 (512K, adapter-node's `BODY_SIZE_LIMIT`)
	 * unless set; `Infinity` for no limit. A larger body is answered 413 and no action runs: one
	 * whose `Content-Length` says so before it is read, one streamed past the limit as soon as it
	 * passes it. Raise it for uploads: `bodySizeLimit: 16 * 1024 * 1024` for 12 MB of files.
	 */
	bodySizeLimit?: number;
	/**
	 * The SvelteKit major whose server this one answers as: 2 (the default) or 3. A SvelteKit 3
	 * server sends a failure with its status as the HTTP status too, and names the action's page in
	 * the result's `location` (`/login` for `POST /login?/login`); SvelteKit 3's own `enhance`
	 * reads both. The test kit's `actionHandler` sets it from the installed `@sveltejs/kit`.
	 */
	sveltekit?: 2 | 3;
}

/** Answers a request: `params` becomes the actions' `event.params`. */
export type FormActionsHandler<Params> = (request: Request, params?: Params) => Promise<Response>;

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
	const { render, handleError } = options;
	const kit = checkKit(options.kit, 'formActions');
	// Checked now: a mistake here must fail at start-up, not open a hole at request time.
	const trustedOrigins = options.trustedOrigins === undefined ? [] : originList('trustedOrigins', options.trustedOrigins);
	const limit = bodySizeLimit(options.bodySizeLimit);
	const cors = options.cors !== undefined ? corsPolicy(options.cors) : undefined;
	const trusted = cors ? [...trustedOrigins, ...cors.origins] : trustedOrigins;
	if (options.sveltekit !== undefined && options.sveltekit !== 2 && options.sveltekit !== 3) {
		throw new Error(`formActions: \`sveltekit\` must be 2 or 3, the SvelteKit major to answer as — got ${JSON.stringify(options.sveltekit)}.`);
	}
	const settings = { kit, handleError, sveltekit: options.sveltekit ?? 2 };

	async function answer(request: Request, params: Params): Promise<Response> {
		const url = new URL(request.url);
		if (crossSite(request, url, trusted)) return forbidden(request);
		if (request.method !== 'POST') {
			// What SvelteKit answers for a method an endpoint does not export.
			return byteResponse(`${request.method} method not allowed`, 405, { allow: 'POST' });
		}
		const read: Read<Params> = {};
		const result = await run(actions, { request, url, params }, settings, limit, read);
		if (result instanceof TooLarge) return result.response(prefersJSON(request));
		if (!render || prefersJSON(request)) return json(result, request, url, settings);
		return page(render, result, { request, url, formData: formOf(read.event) }, settings);
	}

	// Whatever an action, `render` or a thrown value does, the server gets an answer: a rejected
	// handler would end a Node process whose glue does not catch.
	const always = (request: Request, params: Params) => answer(request, params).catch((thrown) => lastResort(thrown, request));
	if (!cors) return (request, params = {} as Params) => always(request, params);
	return async function respond(request, params = {} as Params) {
		return cors.preflight(request) ?? cors.withHeaders(request, await always(request, params));
	};
}

interface Settings {
	kit: KitOutcomes | undefined;
	handleError: HandleError | undefined;
	sveltekit?: 2 | 3;
}

/** Where `run` leaves the action's event once the body is read, for `render`. */
type Read<Params> = { event?: ActionEvent<Params> };

/** The event's parsed fields; none when the body did not parse (reading them throws then). */
function formOf(event: ActionEvent<any> | undefined): FormData | undefined {
	try {
		return event?.formData;
	} catch {
		return undefined;
	}
}

/**
 * A native submission: SvelteKit's `handle_action_request`, then the page. A page that fails
 * (`render` throws or returns neither a string nor a `Response`, or the status is no HTTP status,
 * as `fail(600)`) is a plain-text 500, as SvelteKit answers when its page fails to render.
 */
async function page(
	render: NonNullable<FormActionsOptions['render']>,
	result: ActionResult,
	input: Pick<RenderInput, 'request' | 'url' | 'formData'>,
	settings: Settings
): Promise<Response> {
	const { request } = input;
	try {
		if (result.type === 'redirect') return new Response(undefined, { status: result.status, headers: { location: result.location } });
		const status = result.type === 'success' ? 200 : (result.status ?? 500);
		const page = await render({ result: { ...result, status } as RenderInput['result'], status, ...input });
		if (typeof page === 'string') return byteResponse(page, status, { 'content-type': 'text/html; charset=utf-8' });
		if (page instanceof Response) return page;
		throw new Error(`formActions: \`render\` must return the page's HTML as a string, or a Response; it returned ${describe(page)}.`);
	} catch (thrown) {
		const { status, error } = await unexpected(thrown, request, settings.handleError);
		return byteResponse(error.message, status, { 'content-type': 'text/plain; charset=utf-8' });
	}
}

/** The answer when even the error handling failed: the generic 500, nothing of the error. */
function lastResort(thrown: unknown, request: Request): Response {
	log(thrown);
	let asJSON = true;
	try {
		asJSON = prefersJSON(request);
	} catch {
		// Not a Request: JSON, as for a request without `accept`.
	}
	if (asJSON) return byteResponse('{"type":"error","error":{"message":"Internal Error"}}', 500, { 'content-type': 'application/json' });
	return byteResponse('Internal Error', 500, { 'content-type': 'text/plain; charset=utf-8' });
}

/** Calls the action `?/name` names, and says how it ended. */
async function run<Params>(
	actions: Record<string, Action<Params>>,
	event: Omit<ActionEvent<Params>, 'formData'>,
	settings: Settings,
	limit: number,
	read: Read<Params>
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
		read.event = withBody;
		return toResult(await actions[name](withBody), settings.kit);
	} catch (thrown) {
		return fromThrown(thrown, event.request, settings);
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

/** What the action returned, as a result. May throw (a returned Proxy): then it is an unexpected error. */
function toResult(returned: unknown, kit: KitOutcomes | undefined): ActionResult {
	if (outcomeOf(returned, kit) === 'failure') {
		const failure = returned as { status: number; data: any };
		return { type: 'failure', status: failure.status, data: failure.data };
	}
	hint(returned, kit);
	// SvelteKit's rule, falsy data included: no data is a 204 (a native submission gets 200).
	return { type: 'success', status: returned ? 200 : 204, data: returned as any };
}

/** The result for something thrown, as SvelteKit builds it (and logs it). */
async function fromThrown(thrown: unknown, request: Request, { kit, handleError }: Settings): Promise<ActionResult> {
	try {
		const kind = outcomeOf(thrown, kit);
		const outcome = thrown as { status: number; location: string; body: object };
		if (kind === 'redirect') return { type: 'redirect', status: outcome.status, location: outcome.location };
		// Expected errors are not logged; their body is sent as it is (SvelteKit's fallback message
		// covers apps whose `App.Error` has no `message`).
		if (kind === 'error') return { type: 'error', status: outcome.status, error: { message: 'Unknown Error', ...outcome.body } };
		if (kind === 'failure') thrown = new Error('Cannot "throw fail()". Use "return fail()"');
		else hint(thrown, kit);
	} catch {
		// Reading it threw (a Proxy, a getter): an unexpected error like any other.
	}
	// Anything else may hold secrets: the client gets a generic message, the log the real error.
	return { type: 'error', ...(await unexpected(thrown, request, handleError)) };
}

/** In development, names the `kit` option when SvelteKit's own outcome reached us without it. */
function hint(value: unknown, kit: KitOutcomes | undefined) {
	const message = !kit && development() && kitHint(value, 'formActions');
	if (message) log(message);
}

/**
 * Development is anything but `NODE_ENV=production` (esm-env's own test, which this entry does
 * not import: it depends on devalue alone).
 */
function development(): boolean {
	try {
		return !/^prod/i.test(globalThis.process?.env?.NODE_ENV ?? '');
	} catch {
		return false;
	}
}

/** The JSON answer; data devalue cannot encode is SvelteKit's 500, with its message logged. */
async function json(result: ActionResult, request: Request, url: URL, settings: Settings): Promise<Response> {
	const answer = (result: ActionResult) => (settings.sveltekit === 3 ? kit3Response(result, url) : actionResponse(result));
	try {
		return answer(result);
	} catch (cause) {
		return answer(await fromThrown(unserializable(result, url.pathname, cause), request, settings));
	}
}

/**
 * A SvelteKit 3 server's answer (its `action_result_json`): every result but a redirect names the
 * action's page in `location`, and a failure travels with its own status as the HTTP status.
 */
function kit3Response(result: ActionResult, url: URL): Response {
	if (result.type === 'redirect') return actionResponse(result);
	const located = { ...result, location: actionLocation(url) } as ActionResult;
	return result.type === 'failure' ? actionResponse(located, { status: result.status }) : actionResponse(located);
}

/** SvelteKit 3's `get_action_location`: the path and query, without the `?/name` of the action. */
function actionLocation(url: URL): string {
	const location = new URL(url);
	for (const key of location.searchParams.keys()) {
		if (key.startsWith('/')) {
			location.searchParams.delete(key);
			break;
		}
	}
	// A path starting with `//` would read as another host.
	const pathname = location.pathname.startsWith('//') ? '/.' + location.pathname : location.pathname;
	return pathname + location.search;
}

/** Says why `result` could not be sent, as SvelteKit does. Never throws. */
function unserializable(result: ActionResult, path: string, cause: any): Error {
	try {
		if (result.type === 'error') return new Error(`The error sent for ${path} cannot be written as JSON: ${cause?.message}`, { cause });
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
	} catch {
		return new Error(`Data returned from action inside ${path} is not serializable: reading it throws`, { cause });
	}
}
