import { render } from 'svelte/server';
import { fail, formActions } from 'svelte-form-actions/server';
import Newsletter from './Newsletter.svelte';

/** The page that holds the form, on its own origin; the form posts to the API's. */
export function newsletterPage(api: string): string {
	const { head, body } = render(Newsletter, { props: { api } });
	return `<!doctype html>
<html lang="en">
	<head><meta charset="utf-8" /><title>Newsletter</title>${head}<script type="module" src="/client.js"></script></head>
	<body><div id="app" data-api="${escape(api)}">${body}</div></body>
</html>`;
}

/** POST /newsletter?/subscribe on the API, for pages on `pageOrigins` (and the browser's preflights). */
export function newsletter(pageOrigins: string[]) {
	return formActions(
		{
			subscribe: ({ formData, request }) => {
				const email = String(formData.get('email') ?? '');
				if (!email) return fail(400, { email, missing: true });
				// The cookie comes along because the page posts with credentials and the API allows them.
				const member = /(?:^|;\s*)member=([^;]*)/.exec(request.headers.get('cookie') ?? '')?.[1];
				return { subscribed: email, member };
			}
		},
		{
			cors: { origins: pageOrigins, credentials: true },
			// Without JavaScript the browser shows the API's own answer.
			render: ({ result }) => {
				const said =
					result.type === 'success'
						? `Subscribed ${(result.data as { subscribed: string }).subscribed}.`
						: result.type === 'failure'
							? 'Enter your email first.'
							: 'Something went wrong.';
				return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Newsletter</title></head><body><h1>${escape(said)}</h1></body></html>`;
			}
		}
	);
}

/** Text made safe inside HTML, attribute values included. */
function escape(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}
