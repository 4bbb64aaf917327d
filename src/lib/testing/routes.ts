import type { Component } from 'svelte';

/** The route files of the app: `{ dir: '/src/routes', files: { '/src/routes/+page.svelte': load, … } }`. */
export interface RouteFiles {
	dir: string;
	files: Record<string, () => Promise<{ default: Component<any> }>>;
}

/**
 * The app's `+page`, `+layout` and `+error` files. The `svelteKitTesting()` Vite plugin writes
 * this module's contents (a lazy `import.meta.glob` of the routes directory); without the plugin
 * it stays `undefined`.
 */
export const routes: RouteFiles | undefined = undefined;
