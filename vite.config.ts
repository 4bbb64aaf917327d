import { sveltekit } from '@sveltejs/kit/vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'tests/server/**'],
					environment: 'jsdom',
					setupFiles: ['tests/setup/jsdom-gaps.ts', 'tests/setup/msw.ts'],
					// Page state is module-level: every file gets fresh modules.
					isolate: true
				}
			},
			{
				// Tests that start SvelteKit's own server: Node, no DOM, no MSW interception.
				plugins: [svelte()],
				test: {
					name: 'server',
					include: ['tests/server/**/*.test.ts'],
					environment: 'node'
				}
			}
		]
	}
});
