import type { Actions } from '@sveltejs/kit';

/**
 * The action both benchmark pages post to (`npm run bench`): it echoes the text back, as most
 * actions return a little data. Nothing else, so the timings are the clients'.
 */
export const actions = {
	echo: async ({ request }) => {
		const data = await request.formData();
		return { echo: String(data.get('text') ?? '') };
	}
} satisfies Actions;
