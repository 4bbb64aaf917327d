import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { svelteKitTesting } from './src/lib/testing/vite.js';
import { chromiumArgs, executablePath } from './tests/e2e/chromium.js';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		// Vitest runs one worker on 2 cores by default (cores - 1); the files wait on jsdom's and a
		// page's startup as much as on the CPU, so two keep both cores busy. Threads start faster
		// than forks (each file still gets fresh modules). Measured with `npx vitest run --project
		// unit`: one fork 194 s, two forks 154 s, two threads 121 s (docs/development.md).
		pool: 'threads',
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'tests/**/*.node.test.ts', 'tests/**/*.page.test.ts'],
					environment: 'jsdom',
					// The test kit's setup file (jsdom gaps, resetAll after each test), as users list it.
					setupFiles: ['src/lib/testing/setup.ts', 'tests/setup/msw.ts'],
					// Page state is module-level: every file gets fresh modules.
					isolate: true,
					// Type tests (`*.test-d.ts`) run with every `vitest run`.
					typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' }
				}
			},
			{
				// SvelteKit pages without SvelteKit's runtime, in jsdom: set up as the docs tell users
				// (docs/testing.md), `sveltekit()` present, the package imported by its name.
				extends: true,
				plugins: [svelteKitTesting({ routes: 'tests/testing/pages/routes' })],
				test: {
					name: 'pages',
					include: ['tests/**/*.page.test.ts'],
					environment: 'jsdom',
					setupFiles: ['src/lib/testing/setup.ts', 'tests/setup/msw.ts']
				}
			},
			{
				// The same page tests in Vitest's browser mode (Debian's Chromium), inside this repo's
				// SvelteKit config (`sveltekit()` present), as `sv add vitest` sets a project up. MSW
				// answers through its service worker: `server` is `msw/browser`'s worker here.
				extends: true,
				plugins: [svelteKitTesting({ routes: 'tests/testing/pages/routes' })],
				resolve: { alias: [{ find: /^(?:\.\.\/)+setup\/msw\.js$/, replacement: fileURLToPath(new URL('./tests/setup/msw-worker.ts', import.meta.url)) }] },
				test: {
					name: 'pages-browser',
					include: ['tests/**/*.page.test.ts'],
					setupFiles: ['src/lib/testing/setup.ts', 'tests/setup/msw-browser.ts'],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({ launchOptions: { executablePath, args: chromiumArgs } }),
						instances: [{ browser: 'chromium' }]
					}
				}
			},
			{
				// Tests that start SvelteKit's own server: Node, no DOM, no MSW interception.
				plugins: [svelte()],
				test: {
					name: 'server',
					include: ['tests/server/**/*.node.test.ts'],
					environment: 'node',
					// A real server compiling on demand, on a busy CI machine: generous, not a timing check.
					testTimeout: 30_000
				}
			},
			{
				// Node, no DOM, no `browser` export condition: the library imported on a server, bundles
				// built the way a user's app is built, the docs and the house checked as files.
				extends: true,
				test: {
					name: 'node',
					include: ['tests/**/*.node.test.ts'],
					exclude: [...configDefaults.exclude, 'tests/server/**'],
					environment: 'node',
					// A test's first import transforms the whole library (Svelte components included), on a
					// busy CI machine: generous, not a timing check (5 s was seen to pass and to fail).
					testTimeout: 30_000
				}
			}
		]
	}
});
