import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The differential end-to-end tests compare each demo page with its twin under /kit, enhanced by
// SvelteKit's own `use:enhance`. That comparison means something only while both render the
// same markup: everything after the `<script>` block must be identical (the scripts differ in
// their imports and in where the result comes from).

const routes = fileURLToPath(new URL('../../src/routes/', import.meta.url));
const twins = readdirSync(routes + 'kit', { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && existsSync(`${routes}kit/${entry.name}/+page.svelte`))
	.map((entry) => entry.name);

const markup = (file: string) => readFileSync(file, 'utf8').replace(/^<script[^>]*>[\s\S]*?<\/script>\s*/, '');

test('every page has a twin', () => {
	expect(twins.length).toBeGreaterThan(0);
	expect(existsSync(`${routes}kit/+page.svelte`)).toBe(true);
});

test.each(['', ...twins])('/%s and /kit/%s render the same markup', (name) => {
	const page = `${routes}${name && name + '/'}+page.svelte`;
	const twin = `${routes}kit/${name && name + '/'}+page.svelte`;
	expect(markup(twin)).toBe(markup(page));
});
