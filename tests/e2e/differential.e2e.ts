import { describe, expect, test } from 'vitest';
import { useDemo } from './harness.js';
import { comparable, play, scenarios } from './scenarios.js';

// Two servers, one for our pages and one for the twins: each side starts every scenario from the
// same server state (registering an email twice would fail the second time on a shared server).
const demo = useDemo();
const twinDemo = useDemo();

/**
 * Each page has a twin under /kit with the same markup and the same server code, enhanced by
 * SvelteKit's own `use:enhance` from `$app/forms`. `play` checks that our page reaches the
 * scenario's outcome with no full page load, every submission a `fetch`; then both must send the
 * same requests and leave the user looking at the same page.
 */
describe("same requests and same visible state as SvelteKit's own enhance", () => {
	for (const scenario of scenarios) {
		test(scenario.name, async () => {
			// Both sides at once: separate servers and browser contexts, and most of a play is waiting
			// for a page or an answer, so two overlap on 2 cores.
			const [ours, kit] = await Promise.all([play(demo, scenario), play(twinDemo, scenario, { twin: true })]);

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

test('a failure sends back the email but never the password', async () => {
	const page = await demo.open('/login');
	await page.getByLabel('Email').fill('demo@example.com');
	await page.getByLabel('Password').fill('not-the-password-42');
	const response = page.waitForResponse((response) => response.request().method() === 'POST');
	await page.getByRole('button', { name: 'Log in' }).click();
	const body = await (await response).text();
	expect(body).toContain('demo@example.com');
	expect(body).not.toContain('not-the-password-42');
});
