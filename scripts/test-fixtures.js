// Runs the tests of fixture apps, each with its own Vitest (`vitest run` in its directory), after
// `prepareFixture` has installed its dependencies and the freshly packed library. `npm test` runs
// the sv-* fixtures: apps shaped like `npx sv create` + `npx sv add vitest` output, tested in
// Vitest's browser mode (`*.svelte.test.ts`) and in jsdom (`*.jsdom.test.ts`), side by side in
// one run, exactly as docs/testing.md tells users; and kit2's twins, whose component tests play
// what tests/e2e/kit2.e2e.ts checks on the real app. Prints how long each environment took.
//
// Those apps are combination A (Node 20, SvelteKit 2, vitest 4, msw 2). A combination is also a
// fixture of packages alone (package.json, lockfile, `.npmrc`, and the few files that differ for
// those packages): it runs the same apps' sources on its packages (`appOnPackages`), on the Node
// its package.json asks for (`fixtureNode`):
//
//   node scripts/test-fixtures.js sv-plain sv-superforms kit2   # A
//   node scripts/test-fixtures.js sv-msw3                       # B: sv's app today + msw 3, Node 22
//   node scripts/test-fixtures.js kit3-vitest5                  # C: SvelteKit 3.4, vitest 5, msw 3, Node 22
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appOnPackages, envFor, fixtureNames, fixtureNode, prepareFixture } from './fixtures.js';

/**
 * The combinations of packages: the apps whose sources each runs, and what an app moving to its
 * packages adds to its `sveltekit({…})` options (SvelteKit 3 removed `$lib` unless aliased).
 * kit2's twins run on SvelteKit 3 too (C): the mocks answer as the installed major's server does.
 * kit3-remote (SvelteKit 3's remote functions) has no packages of its own: it runs only in C.
 */
const combinations = {
	'sv-msw3': { apps: ['sv-plain', 'sv-superforms', 'kit2'] },
	'kit3-vitest5': { apps: ['sv-plain', 'sv-superforms', 'kit2', 'kit3-remote'], sveltekit: "alias: { $lib: 'src/lib' }" }
};

const names = process.argv.slice(2);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
let failed = 0;
for (const name of names.length ? names : [...fixtureNames().filter((name) => ['sv-plain', 'sv-superforms', 'kit2'].includes(name)), ...Object.keys(combinations)]) {
	const started = Date.now();
	const dir = prepareFixture(name);
	const combination = Object.hasOwn(combinations, name) ? combinations[name] : undefined;
	const apps = combination?.apps ?? [undefined];
	for (const app of apps) {
		// The first one also waited for the install and the library's build.
		const begun = app === apps[0] ? started : Date.now();
		const appDir = app ? appOnPackages(app, name, combination) : dir;
		const label = app ? `${name}: ${app}` : name;
		const node = fixtureNode(name);
		// What `npm ci` did for the app itself (its `prepare` script): SvelteKit's generated files
		// (`.svelte-kit/tsconfig.json`, which the app's tsconfig extends), for these packages.
		if (app) spawnSync(node, [path.join(appDir, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js'), 'sync'], { cwd: appDir, stdio: 'inherit', env: envFor(node) });
		const copied = Date.now();
		const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-')), 'report.json');
		const args = [path.join(appDir, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
		const { status } = spawnSync(node, args, { cwd: appDir, stdio: 'inherit', env: envFor(node) });
		console.log(`fixture ${label}: ${status === 0 ? 'passed' : 'FAILED'} on Node ${nodeVersion(node)} (prepared in ${seconds(copied - begun)}, tests ${seconds(Date.now() - copied)})`);
		if (fs.existsSync(report)) console.log(`  ${spans(JSON.parse(fs.readFileSync(report, 'utf8')))}`);
		if (status !== 0) failed++;
	}
	if (apps.length > 1) console.log(`fixture ${name}: ${seconds(Date.now() - started)} in all`);
}
process.exitCode = failed ? 1 : 0;

function nodeVersion(node) {
	return node === process.execPath ? process.versions.node : spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
}

/** From the first file's start to the last file's end, per environment (told by file names). */
function spans(report) {
	const environments = { 'browser mode': /\.svelte\.(test|spec)\.[jt]s$/, jsdom: /\.jsdom\.(test|spec)\.[jt]s$/ };
	return Object.entries(environments)
		.map(([environment, pattern]) => {
			const files = report.testResults.filter((file) => pattern.test(file.name));
			if (!files.length) return `${environment}: no files`;
			const tests = files.reduce((sum, file) => sum + file.assertionResults.length, 0);
			const span = Math.max(...files.map((file) => file.endTime)) - Math.min(...files.map((file) => file.startTime));
			return `${environment}: ${tests} tests in ${seconds(span)}`;
		})
		.join(', ');
}
