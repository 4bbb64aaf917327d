// What an action receives and is: a module of its own, so that reading the body (body.ts) and
// answering (actions.ts) share the types without importing each other.

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
 * `redirect` and `error` work too when the handler is given `kit`.
 */
export type Action<Params = Record<string, string>> = (event: ActionEvent<Params>) => unknown;
