// Bundle size: what a consumer's bundler makes of the core, minified and gzipped.
//
// Each entry in `bench/size/` is built the way a Vite app builds it (Vite 8 + rolldown, the
// svelte plugin compiling `page.svelte.ts`'s runes, browser + production conditions, oxc minify),
// then gzipped with node:zlib at level 9. Svelte is external: every Svelte app pays for it anyway.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = fileURLToPath(new URL('./size/', import.meta.url));

/** @param {string[]} prefixes @returns {(id: string) => boolean} */
const externals = (prefixes) => (id) => prefixes.some((name) => id === name || id.startsWith(`${name}/`));

/** What each measurement leaves out: the list, devalue only where the row says so. */
export const sizeCases = {
	ours: { entry: 'core.js', external: ['svelte'] },
	oursOwn: { entry: 'core.js', external: ['svelte', 'devalue'] },
	superforms: { entry: 'superforms.js', external: ['svelte', '$app', '@sveltejs/kit'] },
	superformsOwn: { entry: 'superforms.js', external: ['svelte', '$app', '@sveltejs/kit', 'devalue'] }
};

/**
 * @param {{ entry: string, external: string[] }} options
 * @returns {Promise<{ minified: number, gzip: number, modules: string[], imports: string[] }>}
 */
export async function bundleSize({ entry, external }) {
	const output = /** @type {import('rolldown').RolldownOutput} */ (
		await build({
			configFile: false,
			root,
			logLevel: 'silent',
			mode: 'production',
			plugins: [svelte({ configFile: false })],
			// The package by name, from its source: the same modules `npm run package` ships.
			resolve: { alias: { 'svelte-form-actions': `${root}src/lib/index.ts` } },
			build: {
				write: false,
				minify: true,
				modulePreload: false,
				reportCompressedSize: false,
				rolldownOptions: {
					input: entries + entry,
					external: externals(external),
					preserveEntrySignatures: 'exports-only',
					output: { format: 'es' }
				}
			}
		})
	);
	const chunks = output.output.filter((item) => item.type === 'chunk');
	if (chunks.length !== 1) throw new Error(`${entry}: expected one chunk, got ${chunks.length}`);
	const [chunk] = chunks;
	const code = Buffer.from(chunk.code);
	return {
		minified: code.length,
		gzip: gzipSync(code, { level: 9 }).length,
		modules: Object.keys(chunk.modules).map((id) => id.replace(root, '')),
		imports: chunk.imports
	};
}

/** Every size case, one after the other (builds are CPU-bound: parallel would not help). */
export async function measureSizes() {
	/** @type {Record<string, Awaited<ReturnType<typeof bundleSize>>>} */
	const results = {};
	for (const [name, options] of Object.entries(sizeCases)) results[name] = await bundleSize(options);
	return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const results = await measureSizes();
	for (const [name, { minified, gzip, modules, imports }] of Object.entries(results)) {
		console.log(name, { minified, gzip, imports, modules });
	}
}
