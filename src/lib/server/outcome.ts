/**
 * What an action can return or throw besides plain data, with SvelteKit's names and
 * behaviour: `return fail(400, data)`, `redirect(303, '/')`, `error(404, 'Not found')`.
 */

// What our constructors made, and nothing else: a class of the app's that happens to be named
// `HttpError` (an API client's, whose body holds the upstream answer) must never be sent as one.
// A WeakMap, because looking a value up never runs its code (a getter, a Proxy trap).
const made = new WeakMap<object, 'failure' | 'redirect' | 'error'>();

/** A failed submission: `return fail(status, data)`. The page gets `data` as its `form`. */
export class ActionFailure<T = undefined> {
	constructor(
		readonly status: number,
		readonly data: T
	) {
		made.set(this, 'failure');
	}
}

/** A redirect, thrown (or returned) by an action. */
export class Redirect {
	constructor(
		readonly status: number,
		readonly location: string
	) {
		made.set(this, 'redirect');
	}
}

/** An expected error with a status and a body that is safe to show: `error(404, 'Not found')`. */
export class HttpError {
	readonly body: { message: string; [key: string]: unknown };
	constructor(
		readonly status: number,
		body?: string | { message: string; [key: string]: unknown }
	) {
		this.body = typeof body === 'string' ? { message: body } : (body ?? { message: `Error: ${status}` });
		made.set(this, 'error');
	}
}

/**
 * Ends the action with a failure: the response is `{ type: 'failure', status, data }`, and the
 * page's `form` becomes `data`.
 *
 * ```js
 * if (!email) return fail(400, { email, missing: true });
 * ```
 */
export function fail(status: number): ActionFailure<undefined>;
export function fail<T extends Record<string, unknown> | undefined>(status: number, data: T): ActionFailure<T>;
export function fail(status: number, data?: unknown) {
	return new ActionFailure(status, data);
}

/**
 * Ends the action with a redirect (`{ type: 'redirect', status, location }`). Like SvelteKit's,
 * it throws, so `redirect(…)`, `throw redirect(…)` and `return redirect(…)` all work.
 */
export function redirect(status: 300 | 301 | 302 | 303 | 304 | 305 | 306 | 307 | 308 | ({} & number), location: string | URL): never {
	if (isNaN(status) || status < 300 || status > 308) throw new Error('Invalid status code');
	try {
		new Headers({ location: location.toString() });
	} catch {
		throw new Error(`Invalid redirect location ${JSON.stringify(String(location))}: it cannot be an HTTP header`);
	}
	throw new Redirect(status, location.toString());
}

/**
 * Ends the action with an expected error: HTTP `status` and `{ type: 'error', error: body }`,
 * where a string body means `{ message: body }`. Throws, as SvelteKit's does.
 */
export function error(status: number, body?: string | { message: string; [key: string]: unknown }): never {
	if (isNaN(status) || status < 400 || status > 599) {
		throw new Error(`HTTP error status codes must be between 400 and 599 — ${status} is invalid`);
	}
	throw new HttpError(status, body);
}

/**
 * Which of ours `value` is, if one of our constructors made it: an object of the same shape, of
 * the same name, or made with `Object.create(HttpError.prototype)` is not.
 */
export function ourOutcome(value: unknown): 'failure' | 'redirect' | 'error' | undefined {
	return typeof value === 'object' && value !== null ? made.get(value) : undefined;
}
