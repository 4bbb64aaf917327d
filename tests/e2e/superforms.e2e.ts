import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { copyOfFixture } from './fixture-copy.js';
import { startDev } from './vite-dev.js';

/**
 * superforms 3's onError in the real app: fixtures/sv-superforms under `vite dev` (a copy sharing
 * its installed packages), in Chromium. Its component tests (`src/routes/subscribe`, browser mode
 * and jsdom, run by `npm run test:fixtures`) assert the same outcomes through the test kit:
 * superforms' default onError re-throws the action's error(503), the rejection escapes and the
 * page does not change; a custom onError shows the message, with the action's status.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { prepareFixture } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);

let dir: string;
let dev: Awaited<ReturnType<typeof startDev>>;
let browser: Browser;

beforeAll(async () => {
	dir = copyOfFixture(prepareFixture('sv-superforms'));
	[dev, browser] = await Promise.all([startDev(dir, { warm: ['/subscribe', '/subscribe-shown'] }), chromium.launch({ executablePath, args: chromiumArgs })]);
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await dev?.close();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens `route`, hydrated, submits a valid address and waits for the answer: its status, the
 * page, and what escaped (the reasons of unhandled rejections, and the errors Chromium reports).
 */
async function subscribe(route: string) {
	const context = await browser.newContext();
	context.setDefaultTimeout(30_000);
	const page = await context.newPage();
	const uncaught: string[] = [];
	page.on('pageerror', (error) => uncaught.push(error.message));
	// Only records: the rejection stays unhandled, as it is in the app.
	await page.addInitScript(() => {
		const rejections: unknown[] = ((window as any).rejections = []);
		addEventListener('unhandledrejection', (event) => rejections.push(JSON.parse(JSON.stringify(event.reason))));
	});
	await page.goto(dev.origin + route);
	await hydrated(page);
	await page.getByLabel('Email').fill('ada@example.com');
	const [response] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		page.getByRole('button', { name: 'Subscribe' }).click()
	]);
	return { page, context, uncaught, status: response.status(), enhanced: response.request().headers()['x-sveltekit-action'] === 'true' };
}

/** Svelte's development build marks hydrated elements; then the form's action is attached too. */
async function hydrated(page: Page) {
	await page.waitForFunction(() => '__svelte_meta' in (document.querySelector('form') ?? {}), undefined, { timeout: 60_000 });
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

test('the default onError re-throws: the rejection escapes, the page and its status stay', async () => {
	const { page, context, uncaught, status, enhanced } = await subscribe('/subscribe');
	expect({ status, enhanced }).toEqual({ status: 503, enhanced: true });
	await expect.poll(() => page.evaluate(() => (window as any).rejections), { timeout: 30_000 }).toEqual([{ message: 'Down for maintenance' }]);
	await expect.poll(() => uncaught.length).toBe(1);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Subscribe');
	expect(await page.getByText('Status 200').isVisible()).toBe(true);
	expect(await page.getByRole('status').count()).toBe(0);
	expect(await page.getByLabel('Email').inputValue()).toBe('ada@example.com');
	await context.close();
}, 120_000);

test("a custom onError shows the error's message, with the action's status", async () => {
	const { page, context, uncaught, status, enhanced } = await subscribe('/subscribe-shown');
	expect({ status, enhanced }).toEqual({ status: 503, enhanced: true });
	await page.getByRole('status').filter({ hasText: 'Down for maintenance' }).waitFor();
	expect(await page.getByText('Status 503').isVisible()).toBe(true);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Subscribe');
	expect(await page.getByLabel('Email').inputValue()).toBe('ada@example.com');
	expect(await page.evaluate(() => (window as any).rejections)).toEqual([]);
	expect(uncaught).toEqual([]);
	await context.close();
}, 120_000);
