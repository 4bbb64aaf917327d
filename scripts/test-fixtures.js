// Runs the tests of fixture apps, each with its own Vitest (`vitest run` in its directory), after
// `prepareFixture` has installed its dependencies and the freshly packed library. `npm test` runs
// the sv-* fixtures: apps shaped like `npx sv create` + `npx sv add vitest` output, tested in
// Vitest's browser mode (`*.svelte.test.ts`) and in jsdom (`*.jsdom.test.ts`), side by side in
// one run, exactly as docs/testing.md tells users; and kit2's twins, whose component tests play
// what tests/e2e/kit2.e2e.ts checks on the real app. Prints how long each environment took.
//
//   node scripts/test-fixtures.js sv-plain sv-superforms kit2
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureNames, prepareFixture } from './fixtures.js';

const names = process.argv.slice(2);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
let failed = 0;
for (const name of names.length ? names : fixtureNames()) {
	const started = Date.now();
	const dir = prepareFixture(name);
	const prepared = Date.now();
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-')), 'report.json');
	const vitest = path.join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
	const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
	const { status } = spawnSync(vitest, args, { cwd: dir, stdio: 'inherit' });
	console.log(`fixture ${name}: ${status === 0 ? 'passed' : 'FAILED'} (prepared in ${seconds(prepared - started)}, tests ${seconds(Date.now() - prepared)})`);
	if (fs.existsSync(report)) console.log(`  ${spans(JSON.parse(fs.readFileSync(report, 'utf8')))}`);
	if (status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;

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
