import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// Relative to this file, so that the package's own copies are used wherever it is installed.
// (No `import … from` this package in the doc comment below: svelte-package would rewrite it.)
const modules: Record<string, string> = {
	'svelte-form-actions/sveltekit': '../kit/sveltekit.js',
	'$app/forms': '../kit/forms.js',
	'$app/state': '../kit/state.js',
	'$app/stores': '../kit/stores.js',
	'$app/navigation': '../kit/navigation.js'
};

/**
 * A Vite plugin for component tests of SvelteKit pages without SvelteKit's runtime: `$app/forms`,
 * `$app/state`, `$app/stores` and `$app/navigation` resolve to this library, so a `+page.svelte`
 * that uses `use:enhance` and `form`/`page.form` renders in jsdom and posts to MSW handlers.
 * Use it with `svelte()` from `@sveltejs/vite-plugin-svelte`, not with `sveltekit()`; import it
 * from `svelte-form-actions/vite`:
 *
 * ```js
 * // vitest.config.js
 * export default defineConfig({ plugins: [svelte(), svelteKitTesting()], test: { environment: 'jsdom' } });
 * ```
 *
 * Only these four modules are provided, with `goto` and `invalidateAll` from `$app/navigation`,
 * and `svelte-form-actions/sveltekit` resolves to a stand-in whose `applyAction` shows results on
 * the page `renderPage` mounted (its `form` prop, `$app/state`, the error page), so a root
 * layout that calls `configure(sveltekit)` renders too.
 */
export function svelteKitTesting(): Plugin {
	const here = fileURLToPath(import.meta.url);
	return {
		name: 'svelte-form-actions:sveltekit-testing',
		enforce: 'pre',
		async resolveId(id, importer) {
			if (Object.hasOwn(modules, id)) return this.resolve(modules[id], here, { skipSelf: true });
			// The real SvelteKit wiring reached some other way (an alias to the sources, a relative
			// import): its `$app/forms` would be this library, handing results back to itself.
			if (id.includes('sveltekit')) {
				const resolved = await this.resolve(id, importer, { skipSelf: true });
				if (resolved && /[\\/]sveltekit[\\/]index\.[jt]s$/.test(resolved.id) && resolved.id.startsWith(packageRoot(here))) {
					return this.resolve(modules['svelte-form-actions/sveltekit'], here, { skipSelf: true });
				}
			}
		}
	};
}

/** The library's source or `dist` directory, this file's grandparent. */
function packageRoot(file: string): string {
	return file.replace(/[\\/]vite[\\/][^\\/]+$/, '');
}
