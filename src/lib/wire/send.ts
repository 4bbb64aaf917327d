import { DEV } from 'esm-env';
import { deserialize } from './deserialize.js';
import { errorText } from './error-text.js';
import { likelyCause } from './likely-cause.js';
import type { ActionResult } from '../types.js';

/**
 * Posts `formData` to `action` exactly as SvelteKit 2's `enhance` does, and turns whatever comes
 * back into an `ActionResult`: a network failure or a body that is not the action protocol
 * becomes an `error` result saying what happened. Resolves to `undefined` when aborted, as soon
 * as `signal` aborts: also when `fetch` ignores its signal or the body stalls half-way.
 */
export async function sendAction(
	action: URL,
	formData: FormData,
	enctype: string,
	signal: AbortSignal,
	fetch: typeof globalThis.fetch
): Promise<ActionResult | undefined> {
	const headers: Record<string, string> = { accept: 'application/json', 'x-sveltekit-action': 'true' };
	let body: FormData | URLSearchParams = formData;
	// No content-type for FormData: the browser adds it with the multipart boundary.
	if (enctype !== 'multipart/form-data') {
		headers['content-type'] = enctype === 'text/plain' ? enctype : 'application/x-www-form-urlencoded';
		body = new URLSearchParams(formData as unknown as string[][]);
	}
	const where = `POST ${action.pathname}${action.search}`;

	let response: Response;
	let text: string;
	try {
		response = await untilAborted(fetch(action, { method: 'POST', headers, cache: 'no-store', body, signal }), signal);
		text = await untilAborted(response.text(), signal);
	} catch (error) {
		if (signal.aborted) return;
		return { type: 'error', error: new Error(`${where} failed: ${errorText(error)}`) };
	}

	try {
		const result = deserialize(text);
		if (result.type === 'error') result.status = response.status;
		return result;
	} catch (error) {
		// What the server said, when it refused before any action ran: SvelteKit's CSRF check or a
		// `handle` hook's `error(401, 'Log in first')` answers the app's error, `{ "message": … }`.
		const refusal = response.ok ? undefined : refusalOf(text);
		let message = `${where} answered HTTP ${response.status}: ${refusal ?? (error as Error).message}`;
		if (DEV) message += likelyCause(response, text, refusal !== undefined);
		return { type: 'error', status: response.status, error: new Error(message) };
	}
}

/** The `message` of a body that is an app error rather than a result, else nothing. */
function refusalOf(text: string): string | undefined {
	try {
		const body = JSON.parse(text);
		if (body?.type === undefined && typeof body?.message === 'string') return body.message;
	} catch {}
}

/**
 * Settles as `promise` does, or rejects with the abort reason as soon as `signal` aborts: a
 * wrapper `fetch` that drops the signal, or a body that never ends, cannot outlive the
 * submission (`timeout()`, `controller.abort()`, `repeat('abort')`).
 */
function untilAborted<T>(promise: T | Promise<T>, signal: AbortSignal): Promise<T> {
	return new Promise((resolve, reject) => {
		const abort = () => reject(signal.reason);
		if (signal.aborted) abort();
		signal.addEventListener('abort', abort);
		Promise.resolve(promise)
			.then(resolve, reject)
			.finally(() => signal.removeEventListener('abort', abort));
	});
}
