// The layout of src/lib, held by tests: a newcomer finds each concept in its folder (see
// docs/development.md, "Where things are"), and these keep it so.
// - no import circle between modules (type-only imports count: they tie files as tightly);
// - the core (everything but the test kit under testing/) never imports the test kit;
// - the root holds the main entry and three shared modules, everything else is in a folder;
// - no function of 150 lines or more: what does not fit is a helper, or a plug.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const lib = fileURLToPath(new URL('../../src/lib/', import.meta.url));

/** Functions allowed past the limit, until the work that removes them lands. */
const LONG_FUNCTIONS_ALLOWED = new Set<string>();
const MAX_FUNCTION_LINES = 150;

/** Every source file of the package, relative to src/lib. */
function sources(dir = lib): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path.relative(lib, full)] : [];
	});
}

/** The TypeScript of a file: a Svelte component's scripts, or the file itself. */
function script(file: string): string {
	const text = fs.readFileSync(path.join(lib, file), 'utf8');
	if (!file.endsWith('.svelte')) return text;
	// Keep line numbers: blank out everything outside <script> blocks.
	return text.replace(/(^|<\/script>)([\s\S]*?)(<script[^>]*>|$)/g, (_, end, outside, start) => end + outside.replace(/[^\n]/g, ' ') + start);
}

/** The files of src/lib that `file` imports (relative specifiers only; packages are not ours). */
function importsOf(file: string, files: Set<string>): string[] {
	const found = [];
	for (const [, spec] of script(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.\.?\/[^'"]+)['"]/g)) {
		const base = path.normalize(path.join(path.dirname(file), spec));
		const target = [base, base.replace(/\.js$/, '.ts'), path.join(base, 'index.ts')].find((candidate) => files.has(candidate));
		if (target) found.push(target);
	}
	return found;
}

const files = sources();
const graph = new Map(files.map((file) => [file, importsOf(file, new Set(files))]));
const isTestKit = (file: string) => file.startsWith(`testing${path.sep}`);

test('the import graph is read: the main entry reaches enhance through its imports', () => {
	expect(graph.get('index.ts')).toContain(path.join('form', 'enhance.ts'));
});

test('no import circle between modules of src/lib', () => {
	const circles: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			// A component that renders itself (a recursive layout level) is no circle between modules.
			if (next === file) continue;
			if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of files) if (!state.has(file)) visit(file);
	expect(circles).toEqual([]);
});

test('the core never imports the test kit (testing/)', () => {
	const upward = [...graph].flatMap(([file, imports]) =>
		isTestKit(file) ? [] : imports.filter(isTestKit).map((target) => `${file} -> ${target}`)
	);
	expect(upward).toEqual([]);
});

test('the root of src/lib holds the main entry and three shared modules; everything else is in a folder', () => {
	const rootFiles = fs.readdirSync(lib, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
	expect(rootFiles.sort()).toEqual(['config.ts', 'index.ts', 'page.svelte.ts', 'types.ts']);
});

test(`no function of ${MAX_FUNCTION_LINES} lines or more outside the allow-list`, () => {
	const long: string[] = [];
	for (const file of files) {
		const source = ts.createSourceFile(file, script(file), ts.ScriptTarget.Latest, true);
		const visit = (node: ts.Node) => {
			if (ts.isFunctionLike(node) && 'body' in node && node.body) {
				const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
				const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
				const name = (node as ts.FunctionDeclaration).name?.getText(source) ?? nameOfHolder(node);
				const key = `${file.split(path.sep).join('/')}:${name}`;
				if (end - start + 1 >= MAX_FUNCTION_LINES && !LONG_FUNCTIONS_ALLOWED.has(key)) long.push(`${key} (${end - start + 1} lines)`);
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	expect(long).toEqual([]);
});

test('the allow-list names only functions that exist and are still long (a stale entry is removed)', () => {
	for (const entry of LONG_FUNCTIONS_ALLOWED) {
		const [file, name] = entry.split(':');
		const text = script(file);
		const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		let lines = 0;
		const visit = (node: ts.Node) => {
			if (ts.isFunctionDeclaration(node) && node.name?.text === name) {
				lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
		expect(lines, entry).toBeGreaterThanOrEqual(MAX_FUNCTION_LINES);
	}
});

/** The name a function expression is known by: its variable, property or method. */
function nameOfHolder(node: ts.Node): string {
	const parent = node.parent;
	if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText();
	return '(anonymous)';
}
