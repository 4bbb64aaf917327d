import { describe, expect, test } from 'vitest';
import { useDemo } from './harness.js';
import { play, scenarios } from './scenarios.js';

const demo = useDemo();

describe('with JavaScript, every scenario works without a full page load', () => {
	for (const scenario of scenarios) {
		test(scenario.name, async () => {
			await play(demo, scenario);
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
