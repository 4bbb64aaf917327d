import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the demo app's production build, served by `node build` on 127.0.0.1,
 * driven in Chromium. `tests/e2e/setup/build.ts` builds the demo once; each file then starts its
 * own server (so it begins from the demo's known state) and its own browser.
 */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/setup/build.ts', 'tests/e2e/setup/fixtures.ts'],
		// One browser at a time: two cores cannot run several Chromiums and servers smoothly.
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
