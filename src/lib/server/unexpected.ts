/** What the client may see of an error: a string `message`, and whatever else the app adds. */
export interface ErrorBody {
	message: string;
	[key: string]: unknown;
}

/**
 * Turns an unexpected error into what the client may see, as SvelteKit's `handleError` hook
 * does: return `{ message }` (and more fields, as `App.Error`). It is called with the error
 * thrown, the request, and the status and message that would be sent otherwise.
 */
export type HandleError = (input: { error: unknown; request: Request; status: number; message: string }) => ErrorBody | void | Promise<ErrorBody | void>;

// Errors SvelteKit's runtime raises itself (an unknown action, a body that is not a form): the
// client gets their `status` and `text`, the log their message.
export class KitError extends Error {
	constructor(
		readonly status: number,
		readonly text: string,
		message: string
	) {
		super(message);
	}
}

/**
 * Writes to the server log, never throwing: an error whose `message` getter or `toString`
 * throws must not turn a 500 into a rejected handler.
 */
export function log(...values: unknown[]): void {
	try {
		console.error(...values);
	} catch {
		try {
			console.error('svelte-form-actions: an action threw a value that cannot be logged (reading or printing it throws)');
		} catch {
			// A console that throws leaves nothing to write to.
		}
	}
}

/**
 * The status and body sent for anything thrown that is not an outcome: `500` and
 * `{ message: 'Internal Error' }` (a `KitError`'s own), the real error only in the log; or what
 * `handleError` makes of it. A `handleError` that throws or returns no string `message` gets the
 * generic body, and the problem is logged.
 */
export async function unexpected(thrown: unknown, request: Request, handleError?: HandleError): Promise<{ status: number; error: ErrorBody }> {
	let known = false;
	try {
		known = thrown instanceof KitError;
	} catch {
		// A Proxy whose `getPrototypeOf` throws: not ours.
	}
	const { status, text: message } = known ? (thrown as KitError) : { status: 500, text: 'Internal Error' };
	if (!handleError) {
		log(thrown);
		return { status, error: { message } };
	}
	try {
		const body = await handleError({ error: thrown, request, status, message });
		// Returning nothing is SvelteKit's "log it, send the default" (a hook that only reports).
		if (body === undefined) return { status, error: { message } };
		if (typeof body === 'object' && body !== null && typeof body.message === 'string') return { status, error: body };
		log(thrown);
		log(new Error(`handleError must return an object with a string \`message\` (or nothing): it returned ${describe(body)}. Sent { message: '${message}' }.`));
	} catch (problem) {
		log(thrown);
		log(new Error(`handleError threw while handling the error above. Sent { message: '${message}' }.`, { cause: problem }));
	}
	return { status, error: { message } };
}

/** A short, safe description of any value, for messages. */
export function describe(value: unknown): string {
	try {
		if (value === null) return 'null';
		if (typeof value !== 'object' && typeof value !== 'function') return `${typeof value} ${String(value).slice(0, 40)}`;
		return `an object (${Object.getPrototypeOf(value)?.constructor?.name ?? 'no prototype'})`;
	} catch {
		return 'a value that throws when read';
	}
}
