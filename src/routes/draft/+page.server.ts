import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	save: async ({ request }) => {
		const data = await request.formData();
		const title = String(data.get('title') ?? '');
		if (!title) return fail(400, { missing: true });
		return { saved: title };
	},
	publish: async () => {
		redirect(303, '/');
	}
} satisfies Actions;
