import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the demo app's production build, served by `node build` on 127.0.0.1,
 * driven in Chromium. `tests/e2e/setup/build.ts` builds the demo once (`setup/fixtures.ts` the
 * fixture apps); each file then starts its own server (so it begins from the demo's known state)
 * and its own browser.
 */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/setup/build.ts', 'tests/e2e/setup/fixtures.ts'],
		// Two test files at a time, one per core: a file mostly waits (on its server, its browser, a
		// child Vitest), so two overlap well; measured on 2 cores, the whole run in about 0.6 of the
		// time of one file at a time. Each file has its own ports, servers, browser and copies.
		fileParallelism: true,
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
