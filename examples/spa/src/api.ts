import * as devalue from 'devalue';

/**
 * The example's back end: a todo list behind endpoints that speak SvelteKit's action protocol.
 * A plain `(Request) => Response` function, so the Vite dev server and the tests serve the same.
 */
export function createApi() {
	let todos = ['Read the README'];

	const result = (body: object, status = 200) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	const success = (data: unknown) => result({ type: 'success', status: 200, data: devalue.stringify(data) });
	const failure = (status: number, data: unknown) => result({ type: 'failure', status, data: devalue.stringify(data) });

	return async function handle(request: Request): Promise<Response | undefined> {
		const url = new URL(request.url);
		if (url.pathname !== '/api/todos') return;
		if (request.method === 'GET') return Response.json(todos);

		const data = await request.formData();
		if (url.search === '?/add') {
			const text = String(data.get('text') ?? '').trim();
			if (!text) return failure(400, { text, missing: true });
			todos = [...todos, text];
			return success({ added: text, at: new Date() });
		}
		if (url.search === '?/clear') {
			return result({ type: 'error', error: { message: 'Clearing is switched off in this example' } }, 503);
		}
		return result({ type: 'error', error: { message: `No action ${url.search}` } }, 404);
	};
}
