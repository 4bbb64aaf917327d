import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface Apps {
	/** The demo (into `build/`). */
	demo: boolean;
	/** Fixture apps the tests serve from their production build. */
	served: string[];
	/**
	 * Fixture apps the test files copy or run under `vite dev`: installed here, once, before any
	 * test file runs (two installs of one fixture at once would clobber each other).
	 */
	installedOnly: string[];
	/**
	 * Apps without packages of their own, built on a combination's (`appOnPackages` in
	 * scripts/fixtures.js: copied into `fixtures/<combination>/.apps/<app>`), e.g. fixtures/kit3-remote
	 * on combination C's SvelteKit 3.4.1.
	 */
	onPackages?: { app: string; combination: string; sveltekit?: string }[];
}

/**
 * Builds, with adapter-node, the apps a run of end-to-end tests serves, once for the whole run.
 * The builds run at once: each is mostly one busy thread with waits between, so together they
 * take about the time of the longest on 2 cores.
 */
export async function buildApps({ demo, served, installedOnly, onPackages = [] }: Apps): Promise<void> {
	// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
	const { appOnPackages, fixtureNode, prepareFixture } = await import(new URL('../../../scripts/fixtures.js', import.meta.url).href);
	const builds = demo ? [build('the demo', root, process.execPath)] : [];
	// Installs are synchronous (npm ci when a lockfile changed, the library's tarball): the demo's
	// build goes on meanwhile.
	for (const name of installedOnly) prepareFixture(name);
	// Each fixture on the Node its package.json asks for (SvelteKit 3.4 needs Node 22: scripts/node22).
	for (const name of served) builds.push(build(`fixture ${name}`, prepareFixture(name), fixtureNode(name)));
	for (const { app, combination, sveltekit } of onPackages) {
		prepareFixture(combination);
		builds.push(build(`fixture ${app} on ${combination}`, appOnPackages(app, combination, { sveltekit }), fixtureNode(combination)));
	}
	const failures = (await Promise.allSettled(builds)).filter((outcome) => outcome.status === 'rejected');
	if (failures.length) throw new AggregateError(failures.map((failure) => failure.reason), failures.map((failure) => failure.reason.message).join('\n\n'));
}

/** `vite build` in `dir`, run by `node`; rejects with its output when it fails. */
function build(what: string, dir: string, node: string): Promise<void> {
	// Without vitest's environment variables: SvelteKit's Vite plugin behaves differently when it
	// believes it runs under vitest.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	const child = spawn(node, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: dir,
		env: { ...env, NODE_ENV: 'production' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Building ${what} failed (vite build, exit ${code}):\n${output}`))));
	});
}
