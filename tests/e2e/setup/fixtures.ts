import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The fixture apps the end-to-end tests serve from their production build. */
const fixtures = ['kit2', 'kit3'];
/**
 * The ones test files copy or run under `vite dev`: installed here, once, before test files run
 * two at a time (two installs of one fixture at once would clobber each other).
 */
const installedOnly = ['sv-plain', 'sv-superforms', 'outside-vite'];

export default async function setup() {
	// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
	const { fixtureNode, prepareFixture } = await import(new URL('../../../scripts/fixtures.js', import.meta.url).href);
	// As for the demo: SvelteKit's Vite plugin behaves differently when it believes it runs under vitest.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	for (const name of installedOnly) prepareFixture(name);
	for (const name of fixtures) {
		const dir: string = prepareFixture(name);
		// Each on the Node its package.json asks for (SvelteKit 3.4 needs Node 22: scripts/node22).
		const build = spawnSync(fixtureNode(name), [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: dir,
			env: { ...env, NODE_ENV: 'production' },
			encoding: 'utf8'
		});
		if (build.status !== 0) throw new Error(`Building fixture ${name} failed (vite build):\n${build.stdout}\n${build.stderr}`);
	}
}
