// Runs the tests of fixture apps, each with its own Vitest (`vitest run` in its directory), after
// `prepareFixture` has installed its dependencies and the freshly packed library. `npm test` runs
// the sv-* fixtures: apps shaped like `npx sv create` + `npx sv add vitest` output, tested in
// Vitest's browser mode and in jsdom exactly as docs/testing.md tells users.
//
//   node scripts/test-fixtures.js sv-plain sv-superforms
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fixtureNames, prepareFixture } from './fixtures.js';

const names = process.argv.slice(2);
let failed = 0;
for (const name of names.length ? names : fixtureNames()) {
	const started = Date.now();
	const dir = prepareFixture(name);
	const prepared = Date.now();
	const vitest = path.join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
	const { status } = spawnSync(vitest, ['run'], { cwd: dir, stdio: 'inherit' });
	const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
	console.log(`fixture ${name}: ${status === 0 ? 'passed' : 'FAILED'} (prepared in ${seconds(prepared - started)}, tests ${seconds(Date.now() - prepared)})`);
	if (status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
