import type { KitOutcomes } from '../../server/kit.js';

/**
 * SvelteKit's predicates for `actionHandler`, when nothing passes `kit`. None here: the
 * `svelteKitTesting()` Vite plugin replaces this module with one exporting `@sveltejs/kit`'s in a
 * SvelteKit project, so that a project without SvelteKit never imports it.
 */
export const kit: KitOutcomes | undefined = undefined;
