import * as devalue from 'devalue';
import { http, HttpResponse } from 'msw';
import type { ActionResult } from '../../src/lib/index.js';

/**
 * The exact body and HTTP status a SvelteKit 2 server answers an action with: failures and
 * redirects with HTTP 200 and the real status in the body, errors with their status.
 */
export function actionResponse(result: ActionResult, init: { status?: number } = {}) {
	const { data, ...rest } = result as { data?: unknown };
	const body = 'data' in result ? { ...rest, data: devalue.stringify(data) } : rest;
	const status = init.status ?? (result.type === 'error' ? (result.status ?? 500) : 200);
	return new HttpResponse(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
	formData?: FormData;
}

/**
 * An MSW handler for POST `path` that answers `answer()` and records every request it gets.
 */
export function actionHandler(path: string, answer: (request: Request) => Response | Promise<Response>) {
	const requests: RecordedRequest[] = [];
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
