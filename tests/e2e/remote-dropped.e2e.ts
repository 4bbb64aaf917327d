import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyOfFixture, runComponentTests, type VitestRun } from './fixture-copy.js';

/**
 * The test kit never shows for a page what the page does not: fixtures/kit3-remote's component
 * tests of its form page (src/routes/new) run in copies of the app whose page lost the markup that
 * shows the title's issues, or the form's result. The tests of what is gone must fail, the others
 * still pass; in the app as it is, all pass. (jsdom only: browser mode runs the same tests against
 * the same stand-ins, and each failing `expect.element` would wait out its timeout.)
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { fixtureDir, fixtureNode } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);
const app = path.join(fixtureDir('kit3-vitest5'), '.apps', 'kit3-remote');
const node: string = fixtureNode('kit3-vitest5');
const page = 'src/routes/new/+page.svelte';
const tests = ['src/routes/new/page.jsdom.test.ts'];

/** Blocks of the page's markup, as the fixture has them. */
const titleIssues = /\t\{#each createPost\.fields\.title\.issues\(\) \?\? \[\] as issue \(issue\.message\)\}\n[\s\S]*?\{\/each\}\n/;
const result = /\{#if createPost\.result\}\n[\s\S]*?\{\/if\}\n/;

const copies: string[] = [];
const runs: Record<string, Promise<VitestRun>> = {};

beforeAll(() => {
	const source = fs.readFileSync(path.join(app, page), 'utf8');
	expect(source).toMatch(titleIssues);
	expect(source).toMatch(result);
	const variants = { asItIs: undefined, withoutTitleIssues: titleIssues, withoutResult: result };
	// All three at once: each is one Vitest with one jsdom worker.
	for (const [name, dropped] of Object.entries(variants)) {
		const dir = copyOfFixture(app, (dir) => dropped && fs.writeFileSync(path.join(dir, page), source.replace(dropped, '')));
		copies.push(dir);
		runs[name] = runComponentTests(dir, 'jsdom', tests, node);
	}
}, 120_000);

afterAll(() => {
	for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
});

test('as it is: every test of the form page passes', async () => {
	const run = await runs.asItIs;
	expect(run, run.output).toMatchObject({ passed: 4, failed: 0, failures: [] });
});

test("without the title's issues: the tests of the schema's issues and of invalid() fail", async () => {
	const run = await runs.withoutTitleIssues;
	expect(run, run.output).toMatchObject({
		passed: 2,
		failed: 2,
		failures: ["the schema's issues, each under its field, and what was typed kept", "the server's invalid(): the issue under its field"]
	});
});

test('without the result: the test of the result fails', async () => {
	const run = await runs.withoutResult;
	expect(run, run.output).toMatchObject({ passed: 3, failed: 1, failures: ['a result: shown, the form reset, and the queries refreshed'] });
});
