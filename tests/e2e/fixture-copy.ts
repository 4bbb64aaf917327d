import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv } from './vite-dev.js';

/**
 * Copies of a fixture app, changed on purpose (a wiring line deleted, moved), that run their own
 * component tests and their own `vite dev` (`./vite-dev.js`): what a user's app would do with the same change.
 */

/**
 * A copy of the installed fixture in `fixture`, in a new temporary folder, changed by
 * `change(dir)`. It shares the fixture's installed packages (linked entry by entry, Vite's cache
 * apart, and allowed to Vite's server), and lists the library among them as a user's app would. Remove it with `fs.rmSync(dir, { recursive: true })`.
 */
export function copyOfFixture(fixture: string, change: (dir: string) => void = () => {}): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${path.basename(fixture)}-`));
	for (const entry of fs.readdirSync(fixture)) {
		if (entry === 'node_modules' || entry === '.svelte-kit' || entry === 'build') continue;
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
	// scripts/fixtures.js unpacks the library without listing it; an app that installs it does, and
	// vite-plugin-svelte compiles the Svelte libraries it lists for the server (`vite dev`).
	const manifest = path.join(dir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	pkg.devDependencies = { ...pkg.devDependencies, 'svelte-form-actions': '*' };
	fs.writeFileSync(manifest, JSON.stringify(pkg, null, '\t') + '\n');
	change(dir);
	return dir;
}

/**
 * Runs `vitest run --project <project> <files…>` in `dir`: how many tests passed and failed. With
 * `node`, on that Node (a fixture's Node 22, first on the PATH for `vitest`'s `#!/usr/bin/env node`).
 */
export function runComponentTests(dir: string, project: string, files: string[], node?: string): Promise<VitestRun> {
	return runVitest(dir, ['--project', project, ...files], node);
}

export interface VitestRun {
	passed: number;
	failed: number;
	/** The titles of the tests that failed. */
	failures: string[];
	/** What it printed, stdout then stderr. */
	output: string;
}

/**
 * Runs `vitest run ...args` in the app at `dir`: how many tests passed and failed, and what it
 * printed, on `node` if given. Asynchronous, so a test file can run several at once (each is one worker).
 */
export async function runVitest(dir: string, args: string[], node?: string): Promise<VitestRun> {
	const report = path.join(dir, 'report.json');
	fs.rmSync(report, { force: true });
	// Our own Vitest's variables would make the app's Vitest (and SvelteKit's plugin) think it is nested.
	const child = spawn(path.join(dir, 'node_modules', '.bin', 'vitest'), ['run', ...args, '--reporter=json', `--outputFile=${report}`], {
		cwd: dir,
		env: node ? { ...childEnv(), PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` } : childEnv(),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	await new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	const output = `${stdout}\n${stderr}`;
	if (!fs.existsSync(report)) throw new Error(`vitest wrote no report:\n${output}`);
	const { numPassedTests, numFailedTests, testResults } = JSON.parse(fs.readFileSync(report, 'utf8')) as {
		numPassedTests: number;
		numFailedTests: number;
		testResults: { assertionResults: { title: string; status: string }[] }[];
	};
	const failures = testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'failed').map((test) => test.title));
	return { passed: numPassedTests, failed: numFailedTests, failures, output };
}
