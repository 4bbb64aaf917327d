import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request }) => {
		const data = await request.formData();
		const message = String(data.get('message') ?? '');
		const seconds = Math.min(Math.max(Number(data.get('seconds')) || 1, 1), 10);
		await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
		if (!message) return fail(400, { missing: true });
		return { sent: message, seconds };
	}
} satisfies Actions;
