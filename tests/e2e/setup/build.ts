import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the demo with adapter-node into `build/`, once for the whole end-to-end run. */
export default function setup() {
	// In a child process without vitest's environment variables: SvelteKit's Vite plugin
	// behaves differently when it believes it runs under vitest.
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
	const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: root,
		env: { ...env, NODE_ENV: 'production' },
		encoding: 'utf8'
	});
	if (build.status !== 0) {
		throw new Error(`Building the demo failed (vite build):\n${build.stdout}\n${build.stderr}`);
	}
}
