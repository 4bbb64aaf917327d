import { error, fail, formActions } from 'svelte-form-actions/server';

/**
 * The example's back end: a todo list whose actions `svelte-form-actions/server` answers in
 * SvelteKit's protocol. A plain `(Request) => Response` function, so the Vite dev server and
 * the tests serve the same.
 */
export function createApi() {
	let todos = ['Read the README'];

	// No `render`: this app only works with JavaScript, so every POST gets the JSON result.
	const actions = formActions({
		add: ({ formData }) => {
			const text = String(formData.get('text') ?? '').trim();
			if (!text) return fail(400, { text, missing: true });
			todos = [...todos, text];
			return { added: text, at: new Date() };
		},
		clear: () => error(503, 'Clearing is switched off in this example')
	});

	return async function handle(request: Request): Promise<Response | undefined> {
		const url = new URL(request.url);
		if (url.pathname !== '/api/todos') return;
		if (request.method === 'GET') return Response.json(todos);
		return actions(request);
	};
}
