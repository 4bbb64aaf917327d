import { defineConfig } from 'vitest/config';
import e2e, { versionFiles } from './vitest.e2e.config.js';

/**
 * The end-to-end files of `npm run test:versions` (`versionFiles`): fixtures/kit3 (SvelteKit 3.4
 * on Node 22) built by `tests/e2e/setup/versions.ts`, served and run under `vite dev`, and the
 * Vite re-optimize recipe in a copy of fixtures/sv-plain, otherwise as `vitest.e2e.config.ts`
 * runs its files.
 */
export default defineConfig({
	test: { ...e2e.test, include: versionFiles, exclude: [], globalSetup: ['tests/e2e/setup/versions.ts'] }
});
