// Bundle size: what a consumer's bundler makes of the core, minified and gzipped.
//
// Each entry in `bench/size/` is built by `bundle()` (Vite + svelte plugin, as an app would),
// then gzipped with node:zlib at level 9. Svelte is external: every Svelte app pays for it anyway.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundle, root } from './build.js';

const entries = fileURLToPath(new URL('./size/', import.meta.url));

/** What each measurement leaves out: the list, plus devalue where the name says so. */
export const sizeCases = {
	ours: { entry: 'core.js', external: ['svelte'] },
	oursOwn: { entry: 'core.js', external: ['svelte', 'devalue'] },
	// `deserialize` alone, for apps (and servers' tests) that only decode results.
	deserializeAlone: { entry: 'deserialize.js', external: ['svelte', 'devalue'] },
	// `enhance` alone (the submit core), then with each plug: the difference is the plug's cost.
	enhanceAlone: { entry: 'enhance.js', external: ['svelte', 'devalue'] },
	...Object.fromEntries(
		['repeat', 'timeout', 'submission', 'focusInvalid', 'announce', 'uploadProgress', 'unsaved'].map((plug) => [
			`plug:${plug}`,
			{ entry: `plug-${plug}.js`, external: ['svelte', 'devalue'] }
		])
	),
	// Opt-in features: the core plus one of them, so the difference is what importing it adds.
	uploadProgress: { entry: 'upload-progress.js', external: ['svelte', 'devalue'] },
	unsaved: { entry: 'unsaved.js', external: ['svelte', 'devalue'] },
	superforms: { entry: 'superforms.js', external: ['svelte', '$app', '@sveltejs/kit'] },
	superformsOwn: { entry: 'superforms.js', external: ['svelte', '$app', '@sveltejs/kit', 'devalue'] }
};

/**
 * @param {{ entry: string, external: string[] }} options
 * @returns {Promise<{ minified: number, gzip: number, external: string[], imports: string[], modules: Record<string, number> }>}
 */
export async function bundleSize({ entry, external }) {
	const chunk = await bundle({ input: entries + entry, external });
	const code = Buffer.from(chunk.code);
	const modules = Object.fromEntries(
		Object.entries(chunk.modules).map(([id, module]) => [id.replace(root, ''), module.renderedLength])
	);
	return {
		minified: code.length,
		gzip: gzipSync(code, { level: 9 }).length,
		external,
		imports: chunk.imports,
		modules
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
	for (const [name, { minified, gzip, imports }] of Object.entries(await measureSizes())) {
		console.log(name, { minified, gzip, imports });
	}
}
