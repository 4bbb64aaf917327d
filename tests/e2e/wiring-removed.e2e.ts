import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyOfFixture, runVitest } from './fixture-copy.js';

/**
 * The test kit never passes when the app is broken: fixtures/sv-plain's component tests of a page
 * with this library's enhance (src/routes/newsletter) run in copies of the app whose root layout
 * lost `configure(sveltekit)`, or calls it in a nested layout that the page does not render in.
 * The real app then shows neither the failure message nor the error page, so the tests must
 * FAIL there; in the app as it is, they pass. The copies share the fixture's installed
 * node_modules (./fixture-copy.ts) and run the jsdom project.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { prepareFixture } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);

const wiring = "\tconfigure(sveltekit);\n";
const tests = 'src/routes/newsletter';
const copies: string[] = [];
let fixture: string;

beforeAll(() => {
	fixture = prepareFixture('sv-plain');
});

afterAll(() => {
	for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
});

/** A copy of the fixture, changed by `change(dir)`, sharing its installed packages. */
function copy(change: (dir: string) => void): string {
	const dir = copyOfFixture(fixture, change);
	copies.push(dir);
	return dir;
}

/** Runs the newsletter page's jsdom tests in `dir`: how many passed and failed. */
function runComponentTests(dir: string) {
	return runVitest(dir, ['--project', 'jsdom', tests]);
}

function layout(dir: string, route = ''): string {
	return path.join(dir, 'src', 'routes', route, '+layout.svelte');
}

test('the app as it is: the component tests pass', () => {
	const original = fs.readFileSync(layout(fixture), 'utf8');
	expect(original).toContain(wiring);
	const result = runComponentTests(copy(() => {}));
	expect(result, result.output).toMatchObject({ passed: 2, failed: 0 });
});

test('configure(sveltekit) deleted from the root layout: the component tests fail', () => {
	const dir = copy((dir) => {
		const file = layout(dir);
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(wiring, ''));
	});
	expect(fs.readFileSync(layout(dir), 'utf8')).not.toContain('configure(sveltekit)');
	const result = runComponentTests(dir);
	expect(result, result.output).toMatchObject({ passed: 0, failed: 2 });
});

test('configure(sveltekit) moved into a nested layout the page is not under: the component tests fail', () => {
	const dir = copy((dir) => {
		const file = layout(dir);
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(wiring, ''));
		fs.mkdirSync(path.join(dir, 'src', 'routes', 'account'));
		fs.writeFileSync(
			layout(dir, 'account'),
			"<script lang=\"ts\">\n\timport { configure } from 'svelte-form-actions';\n\timport { sveltekit } from 'svelte-form-actions/sveltekit';\n\n" +
				wiring +
				'\n\tlet { children } = $props();\n</script>\n\n{@render children()}\n'
		);
	});
	const result = runComponentTests(dir);
	expect(result, result.output).toMatchObject({ passed: 0, failed: 2 });
});
