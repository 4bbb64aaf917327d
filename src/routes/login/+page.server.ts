import { fail, redirect } from '@sveltejs/kit';
import { users } from '../../demo/store.server.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ redirectTo: url.searchParams.get('redirectTo') });

export const actions = {
	login: async ({ cookies, request, url }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const password = String(data.get('password') ?? '');
		// Echo the email back so the user need not retype it; never the password.
		if (!email) return fail(400, { email, missing: true });
		if (users.get(email) !== password) return fail(400, { email, incorrect: true });
		cookies.set('user', email, { path: '/' });
		redirect(303, sameSitePath(url.searchParams.get('redirectTo'), url) ?? '/');
	},
	register: async ({ request }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const password = String(data.get('password') ?? '');
		if (!email || !password) return fail(400, { email, missing: true });
		// Registering must never change an existing account's password (or anyone could take
		// over demo@example.com, and the login the demo advertises would stop working).
		if (users.has(email)) return fail(400, { email, taken: true });
		users.set(email, password);
		return { registered: email };
	},
	logout: async ({ cookies }) => {
		cookies.delete('user', { path: '/' });
		redirect(303, '/');
	}
} satisfies Actions;

/**
 * `target` when it is a path on this site, else nothing: `?redirectTo=` must not make the login
 * form an open redirect. `//evil.example` and `/\evil.example` start with a slash yet name another
 * host, so resolve against this page and compare origins rather than look at the first character.
 */
function sameSitePath(target: string | null, here: URL): string | undefined {
	if (!target?.startsWith('/')) return;
	const url = new URL(target, here);
	if (url.origin === here.origin) return url.pathname + url.search + url.hash;
}
