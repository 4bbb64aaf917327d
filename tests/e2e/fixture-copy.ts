import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { freePort } from './port.js';

/**
 * Copies of a fixture app, changed on purpose (a wiring line deleted, moved), that run their own
 * component tests and their own `vite dev`: what a user's app would do with the same change.
 */

/** The environment of a child Vitest or Vite: none of this run's `VITEST*` variables. */
export function childEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
}

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

/** Runs `vitest run --project <project> <files…>` in `dir`: how many tests passed and failed. */
export function runComponentTests(dir: string, project: string, files: string[]): { passed: number; failed: number; output: string } {
	return runVitest(dir, ['--project', project, ...files]);
}

/** Runs `vitest run ...args` in the app at `dir`: how many tests passed and failed, and what it printed. */
export function runVitest(dir: string, args: string[]): { passed: number; failed: number; output: string } {
	const report = path.join(dir, 'report.json');
	fs.rmSync(report, { force: true });
	// Our own Vitest's variables would make the app's Vitest (and SvelteKit's plugin) think it is nested.
	const run = spawnSync(path.join(dir, 'node_modules', '.bin', 'vitest'), ['run', ...args, '--reporter=json', `--outputFile=${report}`], {
		cwd: dir,
		env: childEnv(),
		encoding: 'utf8'
	});
	const output = `${run.stdout}\n${run.stderr}`;
	if (!fs.existsSync(report)) throw new Error(`vitest wrote no report:\n${output}`);
	const { numPassedTests, numFailedTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
	return { passed: numPassedTests, failed: numFailedTests, output };
}

/** `vite dev` of the app in `dir`, on a free port of 127.0.0.1, and the paths it compiled first. */
export async function startDev(dir: string, warm: string[] = []) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
		cwd: dir,
		// No colours: with CI=true, Vite colours its output and the port is printed in bold.
		env: { ...childEnv(), NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	await new Promise<void>((resolve, reject) => {
		child.stdout!.on('data', () => stripVTControlCharacters(output).includes(origin) && resolve());
		child.on('exit', (code) => reject(new Error(`vite dev exited (${code}) before listening:\n${output}`)));
	});
	// Compiled once before a browser comes, so that no page reloads while it is tested.
	for (const route of warm) await fetch(origin + route).then((response) => response.text());
	return {
		origin,
		output: () => output,
		async close() {
			if (child.exitCode !== null) return;
			child.kill();
			await once(child, 'exit');
		}
	};
}
