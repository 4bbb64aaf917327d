import { DEV } from 'esm-env';
import { deserialize } from './deserialize.js';
import { likelyCause } from './likely-cause.js';
import type { ActionResult } from './types.js';

/**
 * Posts `formData` to `action` exactly as SvelteKit 2's `enhance` does, and turns whatever comes
 * back into an `ActionResult`: a network failure or a body that is not the action protocol
 * becomes an `error` result saying what happened. Resolves to `undefined` when aborted.
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
		response = await fetch(action, { method: 'POST', headers, cache: 'no-store', body, signal });
		text = await response.text();
	} catch (error) {
		if (signal.aborted) return;
		return { type: 'error', error: new Error(`${where} failed: ${(error as Error)?.message ?? error}`) };
	}

	try {
		const result = deserialize(text);
		if (result.type === 'error') result.status = response.status;
		return result;
	} catch (error) {
		let message = `${where} answered HTTP ${response.status}: ${(error as Error).message}`;
		if (DEV) message += likelyCause(response, text);
		return { type: 'error', status: response.status, error: new Error(message) };
	}
}
