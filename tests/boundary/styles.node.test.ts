import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'svelte/compiler';
import { expect, test } from 'vitest';

// The default <ErrorBoundary> markup is styled by the component alone, overridable through CSS
// custom properties that docs/errors.md lists with their defaults: the list must stay true.

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const component = read('src/lib/boundary/ErrorBoundary.svelte');

/** `--name` → default, as the component's styles read them: `var(--name, default)`. */
function propertiesUsed(css: string): Map<string, string> {
	return new Map([...css.matchAll(/var\((--error-boundary-[a-z-]+),\s*([^;]+?)\)\s*;/g)].map(([, name, fallback]) => [name, fallback.trim()]));
}

/** `--name` → default, from the rows of the table in docs/errors.md. */
function propertiesDocumented(markdown: string): Map<string, string> {
	return new Map([...markdown.matchAll(/^\| `(--error-boundary-[a-z-]+)` \| `([^`]+)` \|/gm)].map(([, name, fallback]) => [name, fallback]));
}

test('every custom property is documented with its default, and nothing else is', () => {
	const used = propertiesUsed(component);
	expect(used.size).toBeGreaterThan(5);
	expect(Object.fromEntries(propertiesDocumented(read('docs/errors.md')))).toEqual(Object.fromEntries(used));
});

test('the styles are scoped: no global selector, one <style> of the component', () => {
	const ast = parse(component, { modern: true });
	expect(ast.css).not.toBeNull();
	expect(component).not.toMatch(/:global/);
	// No style attribute carries colors past the custom properties (only the wrapper's display).
	expect([...component.matchAll(/style="([^"]*)"/g)].map(([, style]) => style)).toEqual(['display: contents']);
});
