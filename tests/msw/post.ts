/** Posts `fields` to `path` (on the test page's origin) exactly as `enhance` does. */
export function post(path: string, fields: Record<string, string> = {}, contentType = 'application/x-www-form-urlencoded') {
	return fetch(new URL(path, location.href), {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': contentType },
		body: new URLSearchParams(fields)
	});
}

/** Status, content type and body text: what a client sees of a response. */
export async function seen(response: Response | Promise<Response>) {
	const { status, headers } = await response;
	return { status, type: headers.get('content-type'), body: await (await response).text() };
}
