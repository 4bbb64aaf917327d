import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'jsdom',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/ssr/**'],
					environment: 'jsdom',
					setupFiles: ['tests/setup/jsdom-gaps.ts', 'tests/setup/msw.ts'],
					// Type tests (`*.test-d.ts`) run with every `vitest run`.
					typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' }
				}
			},
			{
				// The library imported on a server: Node, no DOM, no `browser` export condition.
				extends: true,
				test: { name: 'ssr', include: ['tests/ssr/**/*.test.ts'], environment: 'node' }
			},
			{
				// Bundles built the way a user's app is built (tree-shaking checks).
				extends: true,
				test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node' }
			}
		]
	}
});
