import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, test } from 'vitest';

const LIB = resolve(import.meta.dirname, '../../src/lib/index.ts');

/** What a user's production bundle holds when their code imports `names` from the package. */
async function bundle(names: string[]): Promise<string> {
	return (await chunks(names)).map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
}

/** The output of a user's production build that imports `names` from the package. */
async function chunks(names: string[]): Promise<(Rollup.OutputChunk | Rollup.OutputAsset)[]> {
	const dir = mkdtempSync(join(tmpdir(), 'tree-shaking-'));
	try {
		const entry = join(dir, 'app.js');
		writeFileSync(entry, `export { ${names.join(', ')} } from ${JSON.stringify(LIB)};`);
		const output = (await build({
			configFile: false,
			logLevel: 'silent',
			plugins: [svelte({ configFile: false })],
			resolve: { conditions: ['browser', 'production'] },
			build: {
				write: false,
				minify: false,
				lib: { entry, formats: ['es'], fileName: 'app' },
				// The app's own copies: what counts is which parts of this library come along.
				rollupOptions: { external: [/^svelte($|\/)/, 'devalue'] }
			}
		})) as Rollup.RollupOutput[];
		return output[0].output;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** A piece of code only each feature's module has. */
const FEATURES = {
	submission: '#delayed',
	announce: 'data-form-announcer',
	focusInvalid: 'aria-invalid=',
	enhancement: 'svelte/attachments',
	uploadProgress: 'XMLHttpRequest',
	unsaved: 'beforeunload',
	repeat: 'Replaced by a newer submission',
	timeout: 'timed out after'
};

describe('features a user does not import are not in their bundle', () => {
	test('importing only enhance brings none of them', { timeout: 60_000 }, async () => {
		const code = await bundle(['enhance']);
		expect(code).toContain('function enhance(');
		// Development-only warnings stay out of production bundles.
		expect(code).not.toContain('was not applied to page.form');
		for (const marker of Object.values(FEATURES)) expect(code).not.toContain(marker);
	});

	test.each(Object.entries(FEATURES))('importing %s brings it, and only it', { timeout: 60_000 }, async (name, marker) => {
		const code = await bundle(['enhance', name]);
		expect(code).toContain(marker);
		for (const [other, otherMarker] of Object.entries(FEATURES)) {
			if (other !== name) expect(code).not.toContain(otherMarker);
		}
	});
});

describe('deserialize alone', () => {
	test('brings only the wire format: no navigation, no configuration, no page state', { timeout: 60_000 }, async () => {
		const modules = (await chunks(['deserialize'])).flatMap((chunk) => ('modules' in chunk ? Object.keys(chunk.modules) : []));
		const ours = modules.map((id) => id.slice(id.indexOf('src/lib/'))).filter((id) => id.startsWith('src/lib/'));
		expect(ours).toContain('src/lib/wire/deserialize.ts');
		for (const heavy of ['src/lib/result/target.ts', 'src/lib/config.ts', 'src/lib/page.svelte.ts']) expect(ours).not.toContain(heavy);
		// Only the wire format's own modules (and the public types, which leave no code).
		expect(ours.filter((id) => !id.startsWith('src/lib/wire/') && id !== 'src/lib/types.ts')).toEqual([]);
	});
});

describe('the SvelteKit wiring is paid for only by apps that import it', () => {
	test('the main entry, all of it, never imports $app/* nor carries the wiring', { timeout: 60_000 }, async () => {
		const everything = Object.keys(await import('../../src/lib/index.js'));
		expect(everything).toContain('configure');
		const code = await bundle(everything);
		expect(code).not.toContain('$app/');
		// What only the `/sveltekit` entry holds: SvelteKit's decoding, given a result of `data` alone.
		expect(code).not.toContain("type: 'success', status: 200, data");
		expect(code).not.toContain('type: "success", status: 200, data');
	});
});

describe('the server entry', () => {
	const SERVER = resolve(import.meta.dirname, '../../src/lib/server/index.ts');

	test('imports no DOM, Svelte or msw code: only devalue and its own modules', { timeout: 60_000 }, async () => {
		// No svelte plugin and no browser condition: a `.svelte` file or a `svelte` import would fail
		// or show among the imports; every bare import is left external so that it shows.
		const output = (await build({
			configFile: false,
			logLevel: 'silent',
			build: {
				write: false,
				minify: false,
				lib: { entry: SERVER, formats: ['es'], fileName: 'server' },
				rollupOptions: { external: (id) => !id.startsWith('.') && !id.startsWith('/') }
			}
		})) as Rollup.RollupOutput[];
		const [chunk] = output[0].output as Rollup.OutputChunk[];
		expect(chunk.imports).toEqual(['devalue']);
		const modules = Object.keys(chunk.modules).map((id) => id.slice(id.indexOf('src/lib/')));
		// Its own modules and the shared transport registry, nothing else of the package (a new
		// server module is fine; a client one pulled in by an import is not).
		expect(modules).toContain('src/lib/server/actions.ts');
		expect(modules.filter((id) => !id.startsWith('src/lib/server/') && id !== 'src/lib/wire/transport.ts')).toEqual([]);
	});

	test("the client bundle gains nothing from it: the whole main entry holds none of the server's code", { timeout: 60_000 }, async () => {
		const everything = Object.keys(await import('../../src/lib/index.js'));
		const code = await bundle(everything);
		expect(code).toContain('function enhance(');
		for (const marker of ['form submissions are forbidden', 'method not allowed', 'function actionResponse', 'Unsupported Media Type', 'access-control-allow-origin']) {
			expect(code).not.toContain(marker);
		}
	});
});
