import type { ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import { error, fail, formActions, redirect } from 'svelte-form-actions/server';
import App from './App.svelte';

const users = new Map([['demo@example.com', 'demo']]);

/** The login page's HTML, with the props of a submission made without JavaScript. */
export function loginPage(props: ComponentProps<typeof App> = {}): string {
	const { head, body } = render(App, { props });
	// `<` escaped: the props sit inside a <script> element.
	const json = JSON.stringify(props).replaceAll('<', '\\u003c');
	return `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" /><title>Log in</title>${head}
		<link rel="stylesheet" href="/client.css" /><script type="module" src="/client.js"></script>
	</head>
	<body><div id="app">${body}</div><script id="props" type="application/json">${json}</script></body>
</html>`;
}

/** The page a successful login leads to. */
export function homePage(): string {
	return '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Home</title></head><body><h1>Welcome</h1></body></html>';
}

/** POST /login?/login, ?/register and ?/reset, with JavaScript (JSON results) or without (the page). */
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
			// As a database's unique index would: an unexpected error, answered 500 `Internal Error`
			// (the real error goes to the server's log, never to the browser).
			if (users.has(email)) throw new Error(`users: duplicate key ${email}`);
			users.set(email, password);
			return { registered: email };
		},
		reset: () => error(503, 'Password resets are down for maintenance')
	},
	{
		// Without JavaScript: the page again, with the result; or with the error's status and
		// message, and the form as it was sent (its non-secret fields: not the password).
		render: ({ result, status, formData }) =>
			result.type === 'error'
				? loginPage({ error: { status, message: result.error.message }, form: { email: String(formData?.get('email') ?? '') } })
				: loginPage({ form: result.data ?? null })
	}
);
