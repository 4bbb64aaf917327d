import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { copyOfFixture, runComponentTests, type VitestRun } from './fixture-copy.js';
import { startDev } from './vite-dev.js';

/**
 * The test kit never passes when the app is broken: fixtures/sv-plain's component tests of a page
 * with this library's enhance (src/routes/newsletter) run in copies of the app whose root layout
 * lost `configure(sveltekit)`, or calls it in a nested layout that the page does not render in.
 * The real app, under `vite dev` in Chromium, then shows neither the failure message nor the
 * error page, so the tests must FAIL there; in the app as it is, both the real app and the tests
 * show them. The copies reuse the fixture's installed node_modules and run the jsdom project only:
 * the browser-mode project runs the same tests against the same `renderPage`, and would add about
 * two minutes on two cores (its own Chromium and a cold pre-bundling per copy, and each failing
 * `expect.element` waiting out its timeout).
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { prepareFixture } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);

const wiring = '\tconfigure(sveltekit);\n';
const tests = ['src/routes/newsletter'];
const copies: string[] = [];
let fixture: string;
let browser: Browser;

beforeAll(async () => {
	fixture = prepareFixture('sv-plain');
	browser = await chromium.launch({ executablePath, args: chromiumArgs });
}, 120_000);

afterAll(async () => {
	await browser?.close();
	for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
});

function copy(change?: (dir: string) => void): string {
	const dir = copyOfFixture(fixture, change);
	copies.push(dir);
	return dir;
}

function layout(dir: string, route = ''): string {
	return path.join(dir, 'src', 'routes', route, '+layout.svelte');
}

const deleted = (dir: string) => {
	const file = layout(dir);
	fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(wiring, ''));
};

const nested = (dir: string) => {
	deleted(dir);
	fs.mkdirSync(path.join(dir, 'src', 'routes', 'account'));
	fs.writeFileSync(
		layout(dir, 'account'),
		"<script lang=\"ts\">\n\timport { configure } from 'svelte-form-actions';\n\timport { sveltekit } from 'svelte-form-actions/sveltekit';\n\n" +
			wiring +
			'\n\tlet { children } = $props();\n</script>\n\n{@render children()}\n'
	);
};

/**
 * The newsletter page of the app in `dir` under `vite dev`, in Chromium: submits it empty (a
 * `fail(400)`), then with the address whose action throws `error(503)`. `shown` is whether the
 * app showed each outcome; it waits for each, or, in an unwired app, for the result the library
 * reports as shown nowhere (every submission is checked to be the library's `fetch`).
 */
async function playInRealApp(dir: string, wired: boolean) {
	const dev = await startDev(dir, { warm: ['/newsletter'] });
	const context = await browser.newContext();
	context.setDefaultTimeout(30_000);
	try {
		const page = await context.newPage();
		const console: string[] = [];
		const errors: string[] = [];
		page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(dev.origin + '/newsletter');
		await hydrated(page);
		const failure = await submit(page, '');
		if (wired) await page.getByText('The email field is required').waitFor();
		const error = await submit(page, 'down@example.com');
		if (wired) await page.getByRole('heading', { name: '503: Down for maintenance' }).waitFor();
		else await expect.poll(() => errors.join('\n'), { timeout: 30_000 }).toContain('503: Down for maintenance');
		return {
			requests: [failure, error],
			shown: {
				failure: await page.getByText('The email field is required').isVisible(),
				errorPage: await page.getByRole('heading', { name: /503/ }).isVisible(),
				newsletter: await page.getByRole('heading', { name: 'Newsletter' }).isVisible()
			},
			console,
			errors
		};
	} finally {
		await context.close();
		await dev.close();
	}
}

/** Svelte's development build marks hydrated elements; then the form's action is attached too. */
async function hydrated(page: Page) {
	await page.waitForFunction(() => '__svelte_meta' in (document.querySelector('form') ?? {}), undefined, { timeout: 60_000 });
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

/** Types `email`, clicks Subscribe and waits for the answer: how the request was sent, and its status. */
async function submit(page: Page, email: string) {
	await page.getByLabel('Email').fill(email);
	const [response] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		page.getByRole('button', { name: 'Subscribe' }).click()
	]);
	return { enhanced: response.request().headers()['x-sveltekit-action'] === 'true', status: response.status() };
}

const enhanced = [
	{ enhanced: true, status: 200 },
	{ enhanced: true, status: 503 }
];

/**
 * The three apps, copied when the file starts, and their jsdom component tests started at once:
 * each run is one Vitest worker, so together they keep both cores busy while the first browser
 * plays. Each test waits for its own app's run.
 */
const apps = { asIs: (dir: string) => void dir, deleted, nested };
const dirs = {} as Record<keyof typeof apps, string>;
const componentRuns = {} as Record<keyof typeof apps, Promise<VitestRun>>;
beforeAll(() => {
	for (const [name, change] of Object.entries(apps) as Array<[keyof typeof apps, (dir: string) => void]>) {
		dirs[name] = copy(change);
		componentRuns[name] = runComponentTests(dirs[name], 'jsdom', tests);
		// A run that fails before its test awaits it is reported there, not as unhandled.
		componentRuns[name].catch(() => {});
	}
});

describe('the app as it is', () => {
	test('the component tests pass', async () => {
		expect(fs.readFileSync(layout(fixture), 'utf8')).toContain(wiring);
		const result = await componentRuns.asIs;
		expect(result, result.output).toMatchObject({ passed: 2, failed: 0 });
	}, 120_000);

	test('the real app (vite dev, Chromium) shows the failure message, then the error page', async () => {
		const played = await playInRealApp(dirs.asIs, true);
		expect(played.requests).toEqual(enhanced);
		expect(played.shown).toEqual({ failure: false, errorPage: true, newsletter: false });
		expect(played.console.join('\n')).not.toContain('configure(sveltekit) was never called');
	}, 120_000);
});

describe('configure(sveltekit) deleted from the root layout', () => {
	test('the component tests fail', async () => {
		expect(fs.readFileSync(layout(dirs.deleted), 'utf8')).not.toContain('configure(sveltekit)');
		const result = await componentRuns.deleted;
		expect(result, result.output).toMatchObject({ passed: 0, failed: 2 });
	}, 120_000);

	test('the real app (vite dev, Chromium) shows neither the failure message nor an error page', async () => {
		const played = await playInRealApp(dirs.deleted, false);
		expect(played.requests).toEqual(enhanced);
		expect(played.shown).toEqual({ failure: false, errorPage: false, newsletter: true });
		// Only the development warning says why.
		expect(played.console.join('\n')).toContain('configure(sveltekit) was never called');
	}, 120_000);
});

describe('configure(sveltekit) moved into a nested layout the page is not under', () => {
	test('the component tests fail', async () => {
		const result = await componentRuns.nested;
		expect(result, result.output).toMatchObject({ passed: 0, failed: 2 });
	}, 120_000);

	test('the real app (vite dev, Chromium) shows neither the failure message nor an error page', async () => {
		const played = await playInRealApp(dirs.nested, false);
		expect(played.requests).toEqual(enhanced);
		expect(played.shown).toEqual({ failure: false, errorPage: false, newsletter: true });
		expect(played.console.join('\n')).toContain('configure(sveltekit) was never called');
	}, 120_000);
});
