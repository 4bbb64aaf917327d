// One way to bundle, shared by every measurement: Vite 8 (rolldown) the way it builds an app for
// the browser — the svelte plugin compiling runes, `browser` + `production` conditions (so
// esm-env's BROWSER is true and DEV false), oxc minification — with the library resolved by its
// package name from `src/lib`, the same modules `npm run package` ships.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds `input` into one ES module. Ids equal to or under a name in `external` stay imports.
 * @param {{ input: string, external?: string[], minify?: boolean, outDir?: string }} options
 * @returns {Promise<import('rolldown').OutputChunk>}
 */
export async function bundle({ input, external = [], minify = true, outDir }) {
	const output = /** @type {import('rolldown').RolldownOutput} */ (
		await build({
			configFile: false,
			root,
			logLevel: 'silent',
			mode: 'production',
			plugins: [svelte({ configFile: false })],
			resolve: { alias: { 'svelte-form-actions': `${root}src/lib/index.ts` } },
			build: {
				write: outDir !== undefined,
				outDir,
				emptyOutDir: true,
				minify,
				modulePreload: false,
				reportCompressedSize: false,
				rolldownOptions: {
					input,
					external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
					preserveEntrySignatures: 'exports-only',
					output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false }
				}
			}
		})
	);
	const chunks = output.output.filter((item) => item.type === 'chunk');
	if (chunks.length !== 1) throw new Error(`${input}: expected one chunk, got ${chunks.length}`);
	return chunks[0];
}
