// Fixture apps (`fixtures/<name>/`) are projects shaped like a user's: their own package.json and
// lockfile, and this library installed from the tarball `npm pack` makes, so `exports`, `dist`
// and the consumer's bundler are what is tested. This prepares them, for tests (global setups)
// and for `.ci/run`:
//
//   node scripts/fixtures.js            # every fixture
//   node scripts/fixtures.js kit2 sv    # these
//
// A fixture's dependencies come from `npm ci`, run again only when its lockfile changed; the
// library is packed again only when its sources changed.
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
	const lock = path.join(dir, 'package-lock.json');
	const stamp = path.join(dir, 'node_modules', '.lock-hash');
	const lockHash = hashOf(fs.readFileSync(lock));
	if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== lockHash) {
		run(npm, ['ci', '--no-audit', '--no-fund'], dir);
		fs.writeFileSync(stamp, lockHash);
	}
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
 * The Node.js that runs fixture `name`: the binary its dependencies bring, if any (a fixture that
 * needs a newer Node than the repository lists a `node-<os>-<cpu>` package, e.g. SvelteKit 3 on
 * Node 22), else the one running this script. npm scripts inside the fixture find the same
 * binary first on their PATH (`node_modules/.bin/node`).
 */
export function fixtureNode(name) {
	const own = path.join(fixtureDir(name), 'node_modules', '.bin', process.platform === 'win32' ? 'node.exe' : 'node');
	return fs.existsSync(own) ? own : process.execPath;
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

function run(command, args, cwd) {
	try {
		return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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
