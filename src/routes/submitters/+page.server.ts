import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The submitter differential (tests/e2e/submitters.e2e.ts; not linked from the demo): every
// button of the page's form submits it its own way, and each action answers what arrived.

/** How often the page's data was loaded: after a success, `invalidateAll: false` leaves it alone. */
let loads = 0;

export const load: PageServerLoad = () => ({ loads: ++loads });

/** The content type and the entries that arrived, files as their names. */
async function echo({ request }: RequestEvent) {
	const type = (request.headers.get('content-type') ?? '').replace(/;.*/, '');
	// SvelteKit's enhance sends a URL-encoded body under a text/plain header (so does this library).
	const entries = type === 'text/plain' ? new URLSearchParams(await request.text()) : await request.formData();
	return { type, sent: [...entries].map(([name, value]) => `${name}=${typeof value === 'string' ? value : value.name}`) };
}

export const actions = { save: echo, publish: echo } satisfies Actions;
