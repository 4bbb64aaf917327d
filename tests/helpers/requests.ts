import { http } from 'msw';

/** A request as it reached the server: what `enhance` sent, byte for byte. */
export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	/** The body as text, for URL-encoded and text/plain bodies ('' for multipart). */
	body: string;
	/** The parsed body of a multipart request. */
	formData?: FormData;
}

/**
 * An MSW handler for any POST to `path` (whatever `?/action` it names) that records the raw
 * request and answers with `answer()`. For tests of the request itself; to mock an action, use
 * the kit's `actionHandler`.
 */
export function recordRequests(path: string, answer: (request: Request) => Response | Promise<Response>) {
	const requests: SentRequest[] = [];
	const handler = http.post(path, async ({ request }) => {
		const copy = request.clone();
		const headers = Object.fromEntries(request.headers);
		const multipart = headers['content-type']?.startsWith('multipart/form-data');
		requests.push({
			method: request.method,
			url: request.url,
			headers,
			body: multipart ? '' : await copy.text(),
			formData: multipart ? await copy.formData() : undefined
		});
		return answer(request);
	});
	return { handler, requests };
}
