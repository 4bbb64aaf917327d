import { http, type HttpHandler, type Path, type PathParams } from 'msw';
import type { ActionResult } from '../types.js';
import { ActionFailure, HttpError, Redirect, isOutcome } from './outcome.js';
import { createRecord, type RecordedRequest } from './requests.js';
import { actionResponse } from './response.js';

/** What a mocked action receives. */
export interface ActionEvent<Params = PathParams> {
	/** The request, body unread: the action may read it itself, as a SvelteKit action does. */
	request: Request;
	/** The submitted fields, already parsed. */
	formData: FormData;
	/** The URL posted to, with its `?/name` search. */
	url: URL;
	/** The path parameters (`:slug` in the handler's path). */
	params: Params;
}

/**
 * A mocked form action: returns data (a success), `fail(status, data)` (a failure), or throws
 * `redirect(status, location)` or `error(status, body)`. Anything else thrown is an unexpected
 * error: a 500 with a generic message, the real error logged.
 */
export type MockAction<Params = PathParams> = (event: ActionEvent<Params>) => unknown;

/** The handler, with what each of its actions received. */
export type ActionHandler<Actions extends Record<string, MockAction<any>>> = HttpHandler & {
	/** Per action name, the requests it received, in order. Emptied by `resetAll()`. */
	requests: { [Name in keyof Actions]: RecordedRequest[] };
};

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

// What SvelteKit calls a form body; anything else is refused with a 415 (CSRF protection).
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * An MSW handler for the form actions of the page at `path` (MSW path syntax: `/blog/:slug`),
 * answering exactly as a SvelteKit 2 server does. Named actions are chosen by `?/name` in the
 * URL; `default` answers a POST without one. Use either named actions or `default`, as in SvelteKit.
 *
 * ```js
 * const login = actionHandler('/login', {
 *   login: ({ formData }) => formData.get('password') === 'demo'
 *     ? redirect(303, '/')
 *     : fail(400, { email: formData.get('email'), incorrect: true })
 * });
 * server.use(login);
 * // …submit the form…
 * expect(login.requests.login[0].formData.get('email')).toBe('demo@example.com');
 * ```
 */
export function actionHandler<Actions extends Record<string, MockAction<any>>>(
	path: Path,
	actions: Actions
): ActionHandler<Actions> {
	const names = Object.keys(actions);
	if (typeof path === 'string' && path.includes('?')) {
		throw new Error(
			`actionHandler('${path}'): MSW ignores the query in a path. Give the page's path and name the ` +
				`actions in the object: actionHandler('/login', { login }) answers POST /login?/login.`
		);
	}
	if ('default' in actions && names.length > 1) {
		// SvelteKit's own message: it refuses such a page too.
		throw new Error(
			'When using named actions, the default action cannot be used. See the docs for more info: https://svelte.dev/docs/kit/form-actions#named-actions'
		);
	}
	const requests = createRecord(names);

	const handler = http.post(path, async ({ request, params }) => {
		let result: ActionResult;
		try {
			const url = new URL(request.url);
			const name = actionName(url);
			if (!Object.hasOwn(actions, name)) throw new KitError(404, 'Not Found', `No action with name '${name}' found`);
			const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
			if (!FORM_TYPES.includes(type)) {
				throw new KitError(415, 'Unsupported Media Type', `Form actions expect form-encoded data — received ${request.headers.get('content-type')}`);
			}
			const event = { request, formData: await readForm(request.clone(), type), url, params };
			requests[name].push({ ...event, request: request.clone() });
			result = toResult(await actions[name](event));
		} catch (thrown) {
			return respond(thrown);
		}
		try {
			return actionResponse(result);
		} catch (cause) {
			return respond(unserializable(result, String(path), cause));
		}
	});
	return Object.assign(handler, { requests }) as ActionHandler<Actions>;
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

/** `enhance` sends a URL-encoded body under `text/plain`, which `Request.formData()` refuses. */
async function readForm(request: Request, type: string): Promise<FormData> {
	if (type !== 'text/plain') return request.formData();
	const form = new FormData();
	for (const [key, value] of new URLSearchParams(await request.text())) form.append(key, value);
	return form;
}

/** What the action returned, as a result. */
function toResult(returned: unknown): ActionResult {
	if (isOutcome(returned, ActionFailure)) return { type: 'failure', status: returned.status, data: returned.data as any };
	// SvelteKit's rule, falsy data included: no data is a 204.
	return { type: 'success', status: returned ? 200 : 204, data: returned as any };
}

/** Says why `result.data` could not be sent, as SvelteKit does. */
function unserializable(result: ActionResult, path: string, cause: any): Error {
	const data = 'data' in result ? result.data : undefined;
	if (data instanceof Response) {
		return new Error(
			`Data returned from action inside ${path} is not serializable: actions return plain objects or fail(), ` +
				'not a Response. For a hand-made response, use actionResponse() in an http.post handler.',
			{ cause }
		);
	}
	const where = cause?.path ? ` (data${cause.path})` : '';
	return new Error(`Data returned from action inside ${path} is not serializable: ${cause?.message}${where}`, { cause });
}

/** The response for something thrown, as SvelteKit builds it (and logs it). */
function respond(thrown: unknown): Response {
	if (isOutcome(thrown, Redirect)) return actionResponse({ type: 'redirect', status: thrown.status, location: thrown.location });
	if (isOutcome(thrown, HttpError)) {
		// Expected errors are not logged; their body is sent as it is (SvelteKit's fallback message
		// covers apps whose `App.Error` has no `message`).
		const body: object = thrown.body;
		return actionResponse({ type: 'error', status: thrown.status, error: { message: 'Unknown Error', ...body } });
	}
	if (isOutcome(thrown, ActionFailure)) thrown = new Error('Cannot "throw fail()". Use "return fail()"');
	// Anything else may hold secrets: the client gets a generic message, the log the real error.
	console.error(thrown);
	const { status, text } = thrown instanceof KitError ? thrown : { status: 500, text: 'Internal Error' };
	return actionResponse({ type: 'error', status, error: { message: text } });
}
