import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// Relative to this file, so that the package's own copies are used wherever it is installed.
// (No `import … from` this package in the doc comment below: svelte-package would rewrite it.)
const modules: Record<string, string> = {
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
 * Only these four modules are provided, with `goto` and `invalidateAll` from `$app/navigation`.
 */
export function svelteKitTesting(): Plugin {
	const here = fileURLToPath(import.meta.url);
	return {
		name: 'svelte-form-actions:sveltekit-testing',
		enforce: 'pre',
		resolveId(id) {
			if (Object.hasOwn(modules, id)) return this.resolve(modules[id], here, { skipSelf: true });
		}
	};
}
