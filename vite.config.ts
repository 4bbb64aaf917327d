import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	test: {
		include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'jsdom',
		setupFiles: ['tests/setup/jsdom-gaps.ts', 'tests/setup/msw.ts'],
		// Page state is module-level: every file gets fresh modules.
		isolate: true,
		// Type tests (`*.test-d.ts`) run with every `vitest run`.
		typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' }
	}
});
