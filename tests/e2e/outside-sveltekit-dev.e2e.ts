/**
 * docs/outside-sveltekit.md's development loop, run as written: the app of its end-to-end section
 * plus the files of "A development loop", served by `vite dev` (the fixture kit2's Vite, Svelte
 * and packed library: installed once by the global setup, nothing installed here). Editing a
 * component shows in the open page without a reload; editing an action shows at the next
 * submission; neither needs a build or a restart. The times are printed, not asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { startDev } from './vite-dev.js';

const doc = readFileSync(new URL('../../docs/outside-sveltekit.md', import.meta.url), 'utf8');
const loop = doc.indexOf('## A development loop');
const loopEnd = doc.indexOf('\n## ', loop + 1);
/** "`src/server.ts`, …:" at a line's start, then a code block: the end-to-end section's files. */
const appFiles = [...doc.slice(0, loop).matchAll(/^`([\w./-]+)`[^\n]*:\n\n```\w+\n([\s\S]*?)\n```/gm)].map(([, name, code]) => ({ name, code }));
/** A paragraph "In `src/dev.ts`, …:" then a code block: the files the development loop adds or changes. */
const devFiles = [...doc.slice(loop, loopEnd).matchAll(/^In `([\w./-]+)`[\s\S]*?:\n\n```\w+\n([\s\S]*?)\n```/gm)].map(([, name, code]) => ({ name, code }));

const kit2 = fileURLToPath(new URL('../../fixtures/kit2/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'outside-sveltekit-dev-'));
const times: Record<string, number> = {};
let vite: Awaited<ReturnType<typeof startDev>>;
let origin: string;
let browser: Browser;
let tab: Page;
/** Every response of the page's own origin that was not a success: a development loop serves them all. */
const failed: string[] = [];

/** Replaces `from` (which must be there) with `to` in the app's file `name`, as an editor saves it. */
function edit(name: string, from: string, to: string) {
	const file = join(dir, name);
	const text = readFileSync(file, 'utf8');
	expect(text, `${name} holds ${from}`).toContain(from);
	writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
	for (const { name, code } of [...appFiles, ...devFiles]) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), code + '\n');
	}
	// What `npm install` gives the app: Svelte, Vite and this library from its packed tarball.
	symlinkSync(join(kit2, 'node_modules'), join(dir, 'node_modules'), 'dir');
	const started = performance.now();
	// `npm run dev`, i.e. `vite`, outside vitest's environment: plugins behave differently under it.
	[vite, browser] = await Promise.all([startDev(dir, { env: { NODE_ENV: 'development' } }), chromium.launch({ executablePath, args: chromiumArgs })]);
	origin = vite.origin;
	const context = await browser.newContext();
	context.setDefaultTimeout(15_000);
	tab = await context.newPage();
	tab.on('response', (response) => {
		if (response.status() >= 400 && response.url().startsWith(origin)) failed.push(`${response.status()} ${response.url()}`);
	});
	const response = await tab.goto(`${origin}/login`);
	expect(response?.status(), `GET /login under vite dev\n${vite.output()}`).toBe(200);
	times['cold start: `vite` to the login page served'] = performance.now() - started;
	await tab.locator('main[data-hydrated="true"]').waitFor();
	times['cold start: `vite` to the login page hydrated'] = performance.now() - started;
}, 90_000);

test('under vite dev, every file the production page loads is served (its script and its stylesheet)', () => {
	expect(failed).toEqual([]);
});

afterAll(async () => {
	console.log(Object.entries(times).map(([what, ms]) => `${what}: ${Math.round(ms)} ms`).join('\n'));
	await browser?.close();
	await vite?.close();
	rmSync(dir, { recursive: true, force: true });
});

test('the development loop adds src/dev.ts and the plugin to the app’s vite.config.ts', () => {
	expect(devFiles.map(({ name }) => name)).toEqual(['src/dev.ts', 'vite.config.ts']);
	// The same config as the build's, plus the plugin: one config for `vite dev` and both builds.
	const built = appFiles.find(({ name }) => name === 'vite.config.ts')!.code;
	const dev = devFiles.find(({ name }) => name === 'vite.config.ts')!.code;
	const withoutPlugin = dev
		.replace("import { formActionsDev } from 'svelte-form-actions/vite/dev';\n", '')
		.replace(/, formActionsDev\(\{[^\n]*\}\)\]/, ']');
	expect(withoutPlugin).toBe(built);
});

test('under vite dev, a component edit shows in the open page, without a reload', async () => {
	await tab.evaluate(() => ((window as any).stayed = true));
	const saved = performance.now();
	edit('src/App.svelte', '<h1>Log in</h1>', '<h1>Sign in</h1>');
	await tab.getByRole('heading', { name: 'Sign in' }).waitFor();
	times['edit → visible, a component (hot update)'] = performance.now() - saved;
	// Svelte's hot update: the same document, never reloaded.
	expect(await tab.evaluate(() => (window as any).stayed)).toBe(true);
});

test('under vite dev, an action edit shows at the next submission', async () => {
	await tab.getByLabel('Email').fill('first@example.com');
	await tab.getByLabel('Password').fill('secret');
	await tab.getByRole('button', { name: 'Register' }).click();
	await expect.poll(() => tab.getByRole('status').textContent()).toBe('Registered first@example.com: now log in.');

	const saved = performance.now();
	edit('src/server.ts', 'return { registered: email };', 'return { registered: email.toUpperCase() };');
	// The page is not told (the action is the server's): the next submission runs the new code.
	await tab.getByLabel('Email').fill('second@example.com');
	await tab.getByLabel('Password').fill('secret');
	await tab.getByRole('button', { name: 'Register' }).click();
	await expect.poll(() => tab.getByRole('status').textContent()).toBe('Registered SECOND@EXAMPLE.COM: now log in.');
	times['edit → visible, an action (next submission)'] = performance.now() - saved;

	// The page's HTML comes from the sources too: a new load renders the edited component.
	const html = await (await fetch(`${origin}/login`)).text();
	expect(html).toContain('<h1>Sign in</h1>');
	expect(html).toContain('/@vite/client');
});
