import { fail, redirect } from '@sveltejs/kit';
import { users } from '../users.js';
import type { Actions } from './$types';

export const actions = {
	login: async ({ cookies, request }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const password = String(data.get('password') ?? '');
		// Echo the email back so the user need not retype it; never the password.
		if (!email) return fail(400, { email, missing: true });
		if (users.get(email) !== password) return fail(400, { email, incorrect: true });
		cookies.set('user', email, { path: '/' });
		redirect(303, '/');
	},
	register: async ({ request }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const password = String(data.get('password') ?? '');
		if (!email || !password) return fail(400, { email, missing: true });
		users.set(email, password);
		return { registered: email };
	}
} satisfies Actions;
