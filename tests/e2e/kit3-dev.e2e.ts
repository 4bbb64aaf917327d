import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { freePort } from './port.js';

/**
 * SvelteKit 3 warns in development when an app uses what it deprecated (`invalidateAll`, its
 * `goto` option, `update({ invalidateAll })`). fixtures/kit3 under `vite dev`: the library, wired
 * with `configure(sveltekit)`, must cause none of those warnings, while SvelteKit's own enhance,
 * given the same deprecated option, shows that the warning would be seen.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { fixtureDir, fixtureNode } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);

let dev: ChildProcess;
let origin: string;
let browser: Browser;

beforeAll(async () => {
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	dev = spawn(fixtureNode('kit3'), ['node_modules/vite/bin/vite.js', 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
		cwd: fixtureDir('kit3'),
		// No colours: with CI=true, Vite colours its output and the port is printed in bold.
		env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))), NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	dev.stdout!.on('data', (chunk) => (output += chunk));
	dev.stderr!.on('data', (chunk) => (output += chunk));
	await new Promise<void>((resolve, reject) => {
		dev.stdout!.on('data', () => stripVTControlCharacters(output).includes(origin) && resolve());
		dev.on('exit', (code) => reject(new Error(`vite dev exited (${code}) before listening:\n${output}`)));
	});
	browser = await chromium.launch({ executablePath, args: chromiumArgs });
	// Compile every page once before the browser comes, so no page reloads while it is tested.
	for (const path of ['/ours/todos', '/kit/todos', '/ours']) await fetch(origin + path).then((response) => response.text());
}, 120_000);

afterAll(async () => {
	await browser?.close();
	if (dev && dev.exitCode === null) {
		dev.kill();
		await once(dev, 'exit');
	}
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

