import { describe, expect, test } from 'vitest';
import { useDemo } from './harness.js';
import { play, scenarios } from './scenarios.js';

const demo = useDemo();

/**
 * Without JavaScript neither this library nor SvelteKit's client runs: the page as the server
 * rendered it and the browser's own POST. Played: each page's first scenario (the page renders and
 * posts natively) and every scenario whose native outcome differs from the enhanced one. The others
 * would test SvelteKit's server against itself (about 15 s).
 */
const pageOf = (scenario: (typeof scenarios)[number]) => new URL(scenario.path, 'http://demo').pathname;
const native = scenarios.filter(
	(scenario, index) => !scenario.needsJavaScript && (scenario.native || scenarios.findIndex((other) => pageOf(other) === pageOf(scenario)) === index)
);

describe('without JavaScript, native POSTs reach the same outcome', () => {
	test('every page of the scenarios is played natively', () => {
		expect(new Set(native.map(pageOf))).toEqual(new Set(scenarios.filter((scenario) => !scenario.needsJavaScript).map(pageOf)));
	});

	for (const scenario of native) {
		test(scenario.name, async () => {
			await play(demo, scenario, { javaScript: false });
		});
	}
});

test('the page says that JavaScript is off', async () => {
	const page = await demo.open('/', { javaScript: false });
	expect(await page.locator('.mode').innerText()).toBe('JavaScript off: forms post natively');
});

test('a failed login page never carries the password', async () => {
	const page = await demo.open('/login', { javaScript: false });
	await page.getByLabel('Email').fill('demo@example.com');
	await page.getByLabel('Password').fill('not-the-password-42');
	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Log in' }).click()]);
	const html = await page.content();
	expect(html).toContain('Invalid credentials!');
	expect(html).not.toContain('not-the-password-42');
});
