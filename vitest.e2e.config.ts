import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the demo app's production build, served by `node build` on 127.0.0.1,
 * driven in Chromium. `tests/e2e/setup/builds.ts` builds the demo and the fixture apps once, all
 * at once; each file then starts its own server (so it begins from the demo's known state)
 * and its own browser.
 */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/setup/builds.ts'],
		// One file at a time: the files keep both cores busy (Chromium, servers, child Vitests). Two
		// at a time was measured on 2 cores: 594 s against about 550 s one at a time, every file
		// slower (differential.e2e.ts 70 s → 187 s), so no gain and more room for timeouts.
		fileParallelism: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
