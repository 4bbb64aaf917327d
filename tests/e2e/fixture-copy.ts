import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Copies of a prepared fixture app (scripts/fixtures.js `prepareFixture`) in temporary folders,
 * for tests that change an app and run its own tests. A copy shares the fixture's installed
 * packages, linked entry by entry: only Vite's cache (`node_modules/.vite`) is its own, and starts
 * empty.
 */
export function copyOfFixture(fixture: string, change: (dir: string) => void = () => {}): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${path.basename(fixture)}-`));
	for (const entry of fs.readdirSync(fixture)) {
		if (entry === 'node_modules' || entry === '.svelte-kit') continue;
		fs.cpSync(path.join(fixture, entry), path.join(dir, entry), { recursive: true });
	}
	fs.mkdirSync(path.join(dir, 'node_modules'));
	for (const entry of fs.readdirSync(path.join(fixture, 'node_modules'))) {
		if (entry !== '.vite') fs.symlinkSync(path.join(fixture, 'node_modules', entry), path.join(dir, 'node_modules', entry));
	}
	// Vite serves files outside the project only from allowed directories: the linked packages'.
	const config = path.join(dir, 'vite.config.ts');
	const allow = `server: { fs: { allow: ['.', ${JSON.stringify(path.join(fixture, 'node_modules'))}] } },`;
	fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('export default defineConfig({', `export default defineConfig({\n\t${allow}`));
	change(dir);
	return dir;
}

/** Runs `vitest run ...args` in the app at `dir`: how many tests passed and failed, and what it printed. */
export function runVitest(dir: string, args: string[]): { passed: number; failed: number; output: string } {
	const report = path.join(dir, 'report.json');
	fs.rmSync(report, { force: true });
	// Our own Vitest's variables would make the app's Vitest (and SvelteKit's plugin) think it is nested.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	const run = spawnSync(path.join(dir, 'node_modules', '.bin', 'vitest'), ['run', ...args, '--reporter=json', `--outputFile=${report}`], {
		cwd: dir,
		env,
		encoding: 'utf8'
	});
	const output = `${run.stdout}\n${run.stderr}`;
	if (!fs.existsSync(report)) throw new Error(`vitest wrote no report:\n${output}`);
	const { numPassedTests, numFailedTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
	return { passed: numPassedTests, failed: numFailedTests, output };
}
