import { http } from 'msw';
import type { ActionResult } from '../../src/lib/index.js';
import { deferred } from './dom.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';

export interface HeldRequest {
	/** The request's URL-encoded body. */
	body: Promise<URLSearchParams>;
	/** Answers the request with `result`, in SvelteKit 2's wire format. */
	answer: (result: ActionResult) => void;
}

/**
 * An MSW handler for POST `path` that holds every request until the test answers it, so
 * responses can arrive in any order (races). `requests` lists them in the order they came.
 */
export function heldEndpoint(path: string) {
	const requests: HeldRequest[] = [];
	const handler = http.post(path, async ({ request }) => {
		const result = deferred<ActionResult>();
		// Listed before any await, so the list keeps the order the requests were sent in.
		requests.push({ body: request.clone().text().then((text) => new URLSearchParams(text)), answer: result.resolve });
		return actionResponse(await result.promise);
	});
	return { handler, requests };
}
