import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The end-to-end files of `npm run test:versions`: SvelteKit 3 on Node 22, and the recipe of a
 * Vite re-optimize in the middle of a browser-mode run (how Vite's optimizer and Vitest's browser
 * mode meet changes with their versions: it fails when theirs do, not when this library's code does).
 */
export const versionFiles = ['tests/e2e/kit3.e2e.ts', 'tests/e2e/kit3-dev.e2e.ts', 'tests/e2e/reoptimize.e2e.ts', 'tests/e2e/remote-functions.e2e.ts', 'tests/e2e/remote-dropped.e2e.ts'];

/**
 * End-to-end tests: the demo app's production build, served by `node build` on 127.0.0.1,
 * driven in Chromium. `tests/e2e/setup/sveltekit2.ts` builds the demo and fixtures/kit2 once, at
 * once; each file then starts its own server (so it begins from the demo's known state) and its
 * own browser. The `versionFiles` run in `vitest.versions.config.ts`.
 */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		exclude: [...configDefaults.exclude, ...versionFiles],
		environment: 'node',
		globalSetup: ['tests/e2e/setup/sveltekit2.ts'],
		// One file at a time: the files keep both cores busy (Chromium, servers, child Vitests). Two
		// at a time was measured on 2 cores: 594 s against about 550 s one at a time, every file
		// slower (differential.e2e.ts 70 s → 187 s), so no gain and more room for timeouts.
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
