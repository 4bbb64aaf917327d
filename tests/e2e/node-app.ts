import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import { listeningServer } from './server-process.js';

/** This repository's library, for apps that import the package by its name. */
export const library = { 'svelte-form-actions': fileURLToPath(new URL('../../src/lib', import.meta.url)) };

/**
 * Builds a server-rendered Svelte app as docs/outside-sveltekit.md tells: `vite build` (the
 * browser's script) then `vite build --ssr src/server.ts` (the server's module).
 */
export async function buildApp(root: string, config: InlineConfig = {}) {
	const common: InlineConfig = { root, logLevel: 'warn', ...config, resolve: { alias: library } };
	await build({ ...common, configFile: config.configFile ?? join(root, 'vite.config.ts') });
	await build({ ...common, configFile: config.configFile ?? join(root, 'vite.config.ts'), build: { ssr: join(root, 'src/server.ts') } });
}

/**
 * An app started with `node <file>` on a free port (unless `env` gives its `PORT`): it prints
 * `Listening on <origin>`.
 */
export async function startNode(file: string, cwd: string, env: Record<string, string> = {}) {
	const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	return listeningServer(child, `node ${file}`, (output) => /Listening on (\S+)/.exec(output)?.[1]);
}
