import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { startDev } from './vite-dev.js';

/**
 * SvelteKit 3 warns in development when an app uses what it deprecated (`invalidateAll`, its
 * `goto` option, `update({ invalidateAll })`). fixtures/kit3 under `vite dev`: the library, wired
 * with `configure(sveltekit)`, must cause none of those warnings, while SvelteKit's own enhance,
 * given the same deprecated option, shows that the warning would be seen.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { fixtureDir, fixtureNode } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);

let dev: Awaited<ReturnType<typeof startDev>>;
let origin: string;
let browser: Browser;

beforeAll(async () => {
	// Every page compiled once before the browser comes, so no page reloads while it is tested.
	[dev, browser] = await Promise.all([
		startDev(fixtureDir('kit3'), { node: fixtureNode('kit3'), warm: ['/ours/todos', '/kit/todos', '/ours'] }),
		chromium.launch({ executablePath, args: chromiumArgs })
	]);
	origin = dev.origin;
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await dev?.close();
});

/** Opens `path`, ready (hydrated), recording every console warning SvelteKit prints. */
async function open(path: string) {
	const page = await browser.newPage();
	const warnings: string[] = [];
	page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
	await page.goto(origin + path);
	await page.locator('.mode[data-enhanced="true"]').waitFor({ timeout: 60_000 });
	return { page, warnings };
}

/** Clicks `button` and waits until `text` shows. */
async function submit(page: Page, button: string, text: string) {
	await page.getByRole('button', { name: button, exact: true }).click();
	await page.getByText(text).first().waitFor({ timeout: 20_000 });
}

test('ours: successes, failures, redirects and cross-page results print no deprecation warning', async () => {
	const { page, warnings } = await open('/ours/todos');
	await page.getByLabel('Title').fill('Bread');
	await submit(page, 'Add', 'Added “Bread”.');
	await submit(page, 'Add note', 'The note is required.');
	await submit(page, 'Finish', 'The list is finished.');
	await page.goto(origin + '/ours');
	await page.locator('.mode[data-enhanced="true"]').waitFor();
	await page.getByLabel('Title').fill('Butter');
	await submit(page, 'Add', 'Added “Butter”.');
	expect(new URL(page.url()).pathname).toBe('/ours/todos');
	expect(warnings.filter((text) => /deprecated/i.test(text))).toEqual([]);
	await page.close();
}, 120_000);

test("SvelteKit's own enhance, given update({ invalidateAll }), does warn: the check sees warnings", async () => {
	const { page, warnings } = await open('/kit/todos');
	await submit(page, 'Add note', 'The note is required.');
	await expect.poll(() => warnings.join('\n')).toContain('enhance_invalidate_all_deprecated');
	await page.close();
}, 120_000);

