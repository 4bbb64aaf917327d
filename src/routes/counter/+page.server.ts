import { counter } from '../../demo/store.server.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ count: counter.count });

// Neither action returns data: the page shows the new count because its data is loaded again.
export const actions = {
	increment: async ({ request }) => {
		// The button that was pressed says by how much (its name and value are in the form data).
		const data = await request.formData();
		counter.count += data.get('by') === '10' ? 10 : 1;
	},
	reset: async () => {
		counter.count = 0;
	}
} satisfies Actions;
