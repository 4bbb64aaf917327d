import { defineConfig } from 'vitest/config';
import e2e, { sveltekit3Files } from './vitest.e2e.config.js';

/**
 * The end-to-end files of `npm run test:versions`: fixtures/kit3 (SvelteKit 3.4 on Node 22)
 * built by `tests/e2e/setup/sveltekit3.ts`, served and run under `vite dev`, otherwise as
 * `vitest.e2e.config.ts` runs its files.
 */
export default defineConfig({
	test: { ...e2e.test, include: sveltekit3Files, exclude: [], globalSetup: ['tests/e2e/setup/sveltekit3.ts'] }
});
