import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The fixture apps the end-to-end tests drive: installed, given the packed library, built. */
const fixtures = ['kit2'];

export default async function setup() {
	// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
	const { prepareFixture } = await import(new URL('../../../scripts/fixtures.js', import.meta.url).href);
	// As for the demo: SvelteKit's Vite plugin behaves differently when it believes it runs under vitest.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	for (const name of fixtures) {
		const dir: string = prepareFixture(name);
		const build = spawnSync(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: dir,
			env: { ...env, NODE_ENV: 'production' },
			encoding: 'utf8'
		});
		if (build.status !== 0) throw new Error(`Building fixture ${name} failed (vite build):\n${build.stdout}\n${build.stderr}`);
	}
}
