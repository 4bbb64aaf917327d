import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './port.js';
import { listeningServer } from './server-process.js';

/** The environment of a child Vitest or Vite: none of this run's `VITEST*` variables. */
export function childEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
}

export interface DevOptions {
	/** Paths fetched once before it is handed over, so their first compile reloads no page. */
	warm?: string[];
	/** The Node that runs Vite (a fixture's own Node 22 for SvelteKit 3). */
	node?: string;
	/** Variables beside the user's shell (which never has this run's `VITEST*`). */
	env?: NodeJS.ProcessEnv;
}

/** `vite dev` of the app in `dir` (its own Vite), on a free port of 127.0.0.1, once it listens. */
export async function startDev(dir: string, { warm = [], node = process.execPath, env = {} }: DevOptions = {}) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(node, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
		cwd: dir,
		// No colours: with CI=true Vite colours its output, and the address it prints is split by
		// escape codes (listeningServer strips them all the same).
		env: { ...childEnv(), ...env, NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const server = await listeningServer(child, 'vite dev', (output) => (output.includes(origin) ? origin : undefined));
	for (const route of warm) await fetch(origin + route).then((response) => response.text());
	return server;
}
