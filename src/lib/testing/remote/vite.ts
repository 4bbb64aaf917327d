// Remote functions (`*.remote.ts`) in component tests, for the `svelteKitTesting()` Vite plugin.
// In the browser, SvelteKit's plugin replaces a remote file with stubs that call SvelteKit's client
// code (`query('<hash>/<name>')`…), learning each export's kind by running the file on the server.
// Here the kinds are read from the source instead, so the app's server code (its database) never
// runs in a component test; the stubs call the same client code of the installed SvelteKit, whose
// imports of SvelteKit's started client are pointed at this kit's stand-ins (./client.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RemoteKind } from './functions.js';

/** The SvelteKit versions whose remote-function client code the kit runs (byte-identical in 3.2–3.4). */
export const supportedKit = '>=3.2.0 <4';

/** What the stand-in of SvelteKit's client (./client.ts) provides. */
const provided = ['app', '_goto', 'handle_error', 'set_nearest_error_page', 'refreshAll', 'query_map', 'live_query_map', 'query_responses', 'prerender_responses'];

/** SvelteKit's server functions, by their name in `$app/server`, and their client counterparts. */
const clientFunctions: Record<RemoteKind, string> = {
	query: 'query',
	'query.batch': 'query_batch',
	'query.live': 'query_live',
	command: 'command',
	form: 'form',
	prerender: 'prerender'
};

/** A remote file as SvelteKit names its functions (`remote_module_pattern`, default extensions). */
export function isRemoteFile(file: string): boolean {
	return /[/.]remote\.(js|ts)$/.test(file) && !/[\\/]node_modules[\\/]/.test(file);
}

/** SvelteKit's djb2 hash (base36) of a remote file's path relative to the Vite root: its id's first part. */
export function remoteHash(value: string): string {
	let hash = 5381;
	let i = value.length;
	while (i) hash = (hash * 33) ^ value.charCodeAt(--i);
	return (hash >>> 0).toString(36);
}

/** The installed SvelteKit: its directory and version, checked against what the kit relies on. */
export function installedKit(root: string): { dir: string; version: string } {
	// Once per project and run: every remote file asks.
	const known = checked.get(root);
	if (known) return known;
	const kit = checkedKit(root);
	checked.set(root, kit);
	return kit;
}

const checked = new Map<string, { dir: string; version: string }>();

function checkedKit(root: string): { dir: string; version: string } {
	let manifest: string;
	try {
		manifest = createRequire(path.join(root, 'package.json')).resolve('@sveltejs/kit/package.json');
	} catch {
		throw new Error(`svelte-form-actions: remote functions in component tests need @sveltejs/kit ${supportedKit}, and none is installed in ${root}.`);
	}
	const dir = path.dirname(manifest);
	const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
	const [major, minor] = version.split('.').map(Number);
	const unsupported = (reason: string) =>
		new Error(`svelte-form-actions: remote functions in component tests need @sveltejs/kit ${supportedKit}; the installed ${version} ${reason}. Install a supported version (npm i -D @sveltejs/kit@3).`);
	if (major !== 3 || minor < 2) throw unsupported('is outside that range');
	const clientDir = path.join(dir, 'src', 'runtime', 'client', 'remote-functions');
	if (!fs.existsSync(path.join(clientDir, 'index.js'))) throw unsupported('has no remote-function client code where the kit reads it');
	// Every name SvelteKit's client code takes from its started client must have a stand-in.
	const missing = new Set<string>();
	for (const file of fs.readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(path.join(clientDir, file), 'utf8');
		for (const [, names] of code.matchAll(/import\s*{([^}]*)}\s*from\s*'(?:\.\.\/)+client\.js'/g)) {
			for (const name of names.split(',').map((name) => name.trim()).filter(Boolean)) if (!provided.includes(name)) missing.add(name);
		}
	}
	if (missing.size) throw unsupported(`expects ${[...missing].join(', ')} from its client, which the kit does not provide`);
	return { dir, version };
}

/** The kit's stand-in for a module SvelteKit's remote-function client code imports, if it is one. */
export function standInFor(id: string, importer: string | undefined): 'client' | 'paths' | 'state' | undefined {
	if (!importer || !/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]client[\\/]remote-functions[\\/]/.test(importer)) return;
	if (/^(\.\.\/)+client\.js$/.test(id)) return 'client';
	if (id === '#app/paths') return 'paths';
	if (id === '#app/state/client') return 'state';
}

/**
 * The exported remote functions of a remote file and their kinds, read from its source:
 * `export const name = query(…)`, `query.batch(…)`, `command(…)`, `form(…)`, `prerender(…)`,
 * `query.live(…)`, with the names it imports from `$app/server` (renamed or not).
 */
export function remoteExports(code: string, file: string): { name: string; kind: RemoteKind }[] {
	const local = new Map<string, string>();
	for (const [, names] of code.matchAll(/import\s*{([^}]*)}\s*from\s*['"]\$app\/server['"]/g)) {
		for (const part of names.split(',')) {
			const [imported, as] = part.replace(/^\s*type\s+/, '').split(/\s+as\s+/).map((name) => name.trim());
			if (imported) local.set(as ?? imported, imported);
		}
	}
	const found: { name: string; kind: RemoteKind }[] = [];
	for (const [, name, callee, member] of code.matchAll(/export\s+const\s+([\w$]+)\s*(?::[^=]+)?=\s*([\w$]+)(?:\s*\.\s*(\w+))?\s*[<(]/g)) {
		const kind = `${local.get(callee) ?? ''}${member ? `.${member}` : ''}`;
		if (!Object.hasOwn(clientFunctions, kind)) {
			throw new Error(`svelte-form-actions: cannot tell what \`${name}\` in ${file} is: it is not made by query, query.batch, query.live, command, form or prerender imported from '$app/server'.`);
		}
		found.push({ name, kind: kind as RemoteKind });
	}
	// Every exported variable must be one of those: otherwise the page would import `undefined`.
	for (const [, name] of code.matchAll(/export\s+(?:const|let|var)\s+([\w$]+)/g)) {
		if (!found.some((remote) => remote.name === name)) {
			throw new Error(`svelte-form-actions: cannot tell what \`${name}\` in ${file} is: write it as \`export const ${name} = query(…)\` (or query.batch, query.live, command, form, prerender), with no \`=\` in a type annotation.`);
		}
	}
	if (/export\s*{/.test(code) || /export\s+(async\s+)?function/.test(code) || /export\s+default\b/.test(code)) {
		throw new Error(`svelte-form-actions: ${file} exports something other than \`export const name = query(…)\` (and the like); the kit reads remote functions only in that form.`);
	}
	return found;
}

/** The app's universal hooks file (SvelteKit's default `src/hooks`), where its `transport` is. */
export function universalHooks(root: string): string | undefined {
	return ['ts', 'js'].map((ext) => path.join(root, 'src', `hooks.${ext}`)).find((file) => fs.existsSync(file));
}

/**
 * The module that stands for a remote file in component tests: SvelteKit's client stubs,
 * registered, with the app's `transport` hook handed to SvelteKit's client code (its arguments,
 * through SvelteKit's own `init_transport`) and to the kit (replies, and the MSW handlers).
 */
export function stubModule(options: { file: string; root: string; kitDir: string; functionsModule: string; transportModule: string; hooks?: string; code: string }): string {
	const relative = path.relative(options.root, options.file).split(path.sep).join('/');
	const hash = remoteHash(relative);
	const client = path.join(options.kitDir, 'src', 'runtime', 'client', 'remote-functions', 'index.js');
	const lines = [`import * as $$remote from ${JSON.stringify(client)};`, `import { registerRemote as $$register, makeRemoteFunctions as $$make } from ${JSON.stringify(options.functionsModule)};`];
	if (options.hooks) {
		const kitTransport = path.join(options.kitDir, 'src', 'runtime', 'app', 'internal', 'transport.js');
		lines.push(
			`import * as $$hooks from ${JSON.stringify(options.hooks)};`,
			`import { init_transport as $$initTransport } from ${JSON.stringify(kitTransport)};`,
			`import { useTransport as $$useTransport } from ${JSON.stringify(options.transportModule)};`,
			`if ($$hooks.transport) { $$initTransport($$hooks.transport); $$useTransport($$hooks.transport); }`
		);
	}
	const made: string[] = [];
	for (const { name, kind } of remoteExports(options.code, relative)) {
		const id = `${hash}/${name}`;
		const identity = JSON.stringify({ id, kind, label: `${relative}#${name}` });
		lines.push(`export let ${name};`);
		made.push(`\t${name} = $$register($$remote.${clientFunctions[kind]}(${JSON.stringify(id)}), ${identity});`);
	}
	// Live bindings, made again between tests (`resetAll`): a form keeps its state in its stub.
	lines.push(`$$make(() => {`, ...made, `});`);
	return lines.join('\n') + '\n';
}

/** What a test sees of a remote call no handler answered (the page shows it as the call's error). */
export function unmockedMessage(call: string): string {
	return `No MSW handler answered ${call}: add one (queryHandler, queryBatchHandler, commandHandler or formHandler from 'svelte-form-actions/msw').`;
}
