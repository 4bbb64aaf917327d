import { render } from 'svelte/server';
import { fail, formActions, redirect } from 'svelte-form-actions/server';
import App from './App.svelte';

const users = new Map([['demo@example.com', 'demo']]);

/** The login page's HTML, showing `form` (a result, for a submission made without JavaScript). */
export function loginPage(form: unknown = null): string {
	const { head, body } = render(App, { props: { form } });
	// `<` escaped: the props sit inside a <script> element.
	const props = JSON.stringify({ form }).replaceAll('<', '\\u003c');
	return `<!doctype html>
<html lang="en">
	<head><meta charset="utf-8" /><title>Log in</title>${head}<script type="module" src="/client.js"></script></head>
	<body><div id="app">${body}</div><script id="props" type="application/json">${props}</script></body>
</html>`;
}

/** The page a successful login leads to. */
export function homePage(): string {
	return '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Home</title></head><body><h1>Welcome</h1></body></html>';
}

/** POST /login?/login and /login?/register, with JavaScript (JSON results) or without (the page). */
export const login = formActions(
	{
		login: ({ formData }) => {
			const email = String(formData.get('email') ?? '');
			if (!email) return fail(400, { email, missing: true });
			if (users.get(email) !== formData.get('password')) return fail(400, { email, incorrect: true });
			redirect(303, '/');
		},
		register: ({ formData }) => {
			const email = String(formData.get('email') ?? '');
			const password = String(formData.get('password') ?? '');
			if (!email || !password) return fail(400, { email, missing: true });
			users.set(email, password);
			return { registered: email };
		}
	},
	{ render: ({ result }) => loginPage('data' in result ? result.data : null) }
);
