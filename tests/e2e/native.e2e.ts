import { describe, expect, test } from 'vitest';
import { useDemo } from './harness.js';
import { play, scenarios } from './scenarios.js';

const demo = useDemo();

describe('without JavaScript, native POSTs reach the same outcome', () => {
	for (const scenario of scenarios.filter((scenario) => !scenario.needsJavaScript)) {
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
