import { describe, expect, test } from 'vitest';
import { useDemo, type RecordedRequest } from './harness.js';
import { fromTwin, play, scenarios } from './scenarios.js';

// Two servers, one for our pages and one for the twins: each side starts every scenario from the
// same server state (registering an email twice would fail the second time on a shared server).
const demo = useDemo();
const twinDemo = useDemo();

/**
 * Each page has a twin under /kit with the same markup and the same server code, enhanced by
 * SvelteKit's own `use:enhance` from `$app/forms`. Both must send the same requests and leave the
 * user looking at the same page.
 */
describe("same requests and same visible state as SvelteKit's own enhance", () => {
	for (const scenario of scenarios) {
		test(scenario.name, async () => {
			const ours = await play(demo, scenario);
			const kit = await play(twinDemo, scenario, { twin: true });

			expect(ours.posts.length).toBeGreaterThan(0);
			const kitPosts = await Promise.all(kit.posts.map(comparable(twinDemo.origin)));
			if (scenario.path === '/upload') {
				// The upload page posts through XMLHttpRequest (`uploadProgress()`), which has no cache
				// mode: it sends every header fetch sends but the two that `cache: 'no-store'` adds.
				for (const { headers } of kitPosts) {
					expect([headers.pragma, headers['cache-control']]).toEqual(['no-cache', 'no-cache']);
					delete headers.pragma;
					delete headers['cache-control'];
				}
			}
			expect(await Promise.all(ours.posts.map(comparable(demo.origin)))).toEqual(kitPosts);
			// SvelteKit shows an error on its error page, this library in the page: `play` has
			// checked that both show the same message.
			if (!scenario.errorPage) expect(ours.seen).toEqual(kit.seen);
		});
	}
});

/**
 * A request as the server at `origin` got it, with `http://demo` for that origin (the two servers
 * listen on different ports) and the twin's `/kit` prefix taken off its URLs. URL-encoded bodies
 * stay bytes (as latin1 text, for readable diffs); a multipart body, whose boundary is random,
 * becomes its entries, with each file's name, type and bytes.
 */
const comparable = (origin: string) => async (request: RecordedRequest) => {
	const { host } = new URL(origin);
	const neutral = (text: string) => text.replaceAll(origin, 'http://demo').replaceAll(host, 'demo');
	const { method, body } = request;
	const url = fromTwin(neutral(request.url));
	const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, neutral(String(value))]));
	const type = headers['content-type'] ?? '';
	const seen = { method, url, headers: { ...headers, referer: fromTwin(headers.referer ?? '') } as Record<string, string> };
	if (!type.startsWith('multipart/form-data')) return { ...seen, body: body.toString('latin1') };

	seen.headers['content-type'] = type.replace(/boundary=.*$/, 'boundary=(random)');
	const form = await new Request(request.url, { method, headers: { 'content-type': type }, body: new Uint8Array(body) }).formData();
	const entries = [];
	for (const [name, value] of form) {
		if (typeof value === 'string') entries.push([name, value]);
		else {
			const bytes = Buffer.from(await value.arrayBuffer()).toString('base64');
			entries.push([name, { file: value.name, type: value.type, bytes }]);
		}
	}
	return { ...seen, entries };
};
