import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyOfFixture, runVitest } from './fixture-copy.js';

/**
 * One Svelte runtime (issue 23): in Vitest's browser mode, Vite may pre-bundle a dependency in the
 * middle of a run, when a test file imports one it has not met before. It then gives every module
 * of a dependency a new `?v=` URL and asks the page to reload, which Vitest's browser mode never
 * does: the modules imported after that (the routes, which `renderPage` imports on demand) got a
 * second Svelte runtime and a second copy of this package, and every `renderPage` test of the file
 * failed ("Cannot read properties of null (reading 'nodes')"). This plays it in a copy of
 * fixtures/sv-plain: Vite's cache empty, one run of the browser project, then a new test file that
 * imports a dependency the first run did not pre-bundle, run alone.
 *
 * Browser mode only: in jsdom Vitest runs the tests in Node with dependency pre-bundling off (and
 * when a project turns it on, with `noDiscovery`), so no dependency is pre-bundled mid-run and no
 * module's id ever changes.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { prepareFixture } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);

/** A dependency of the app that its browser tests do not import, so Vite has not pre-bundled it. */
const dependency = '@testing-library/user-event';

/** The new test file: the newsletter page's tests, clicking and typing through user-event. */
const testFile = 'src/routes/newsletter/user-event.svelte.test.ts';
const testSource = `import userEvent from '${dependency}';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { newsletter } from '../../mocks/newsletter';
import { worker } from '../../mocks/worker';

test('no email: the message', async () => {
	worker.use(newsletter);
	await renderPage('/newsletter');
	await userEvent.click(page.getByRole('button', { name: 'Subscribe' }).element());
	await expect.element(page.getByText('The email field is required')).toBeVisible();
});

test('an error: the error page, inside the layout', async () => {
	worker.use(newsletter);
	await renderPage('/newsletter');
	await userEvent.type(page.getByLabelText('Email').element(), 'down@example.com');
	await userEvent.click(page.getByRole('button', { name: 'Subscribe' }).element());
	await expect.element(page.getByRole('heading', { name: '503: Down for maintenance' })).toBeVisible();
	await expect.element(page.getByText('Not signed in')).toBeVisible();
});
`;

let dir: string;

beforeAll(() => {
	dir = copyOfFixture(prepareFixture('sv-plain'));
}, 300_000);

afterAll(() => {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The browser project's pre-bundle: its dependencies and the hash Vite puts in their URLs. */
function preBundle(): { browserHash: string; optimized: string[] } {
	const caches = path.join(dir, 'node_modules', '.vite');
	const files = (fs.readdirSync(caches, { recursive: true }) as string[]).filter((file) => file.endsWith(path.join('deps', '_metadata.json')));
	expect(files).toHaveLength(1);
	const { browserHash, optimized } = JSON.parse(fs.readFileSync(path.join(caches, files[0]), 'utf8'));
	return { browserHash, optimized: Object.keys(optimized) };
}

/** Runs the browser project's tests of `file`; generous timeouts, as the cores are shared. */
function runBrowserTests(file: string) {
	return runVitest(dir, ['--project', 'client', file, '--testTimeout=60000']);
}

test('a test file importing a dependency not yet pre-bundled: its renderPage tests pass', async () => {
	expect(fs.existsSync(path.join(dir, 'node_modules', '.vite'))).toBe(false);
	const first = await runBrowserTests('src/routes/newsletter/page.svelte.test.ts');
	expect(first, first.output).toMatchObject({ passed: 2, failed: 0 });
	const before = preBundle();
	expect(before.optimized).toContain('svelte');
	expect(before.optimized).not.toContain(dependency);

	fs.writeFileSync(path.join(dir, testFile), testSource);
	const second = await runBrowserTests(testFile);
	// Vite pre-bundled the dependency during the run, and every dependency's URL changed.
	const after = preBundle();
	expect(after.optimized).toContain(dependency);
	expect(after.browserHash).not.toBe(before.browserHash);
	expect(second, second.output).toMatchObject({ passed: 2, failed: 0 });
}, 300_000);
