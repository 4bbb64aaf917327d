import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, parseCss } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { codeBlocks, type CodeBlock } from '../helpers/markdown.js';

// Every code block of the README and of docs/*.md (found anew on each run, so new pages are
// covered without a line here) is compiled or checked, so no example goes stale. The convention,
// stated at the top of docs/development.md: the info string's first word is the language; the
// flag `fragment` marks a block that is deliberately incomplete (an opening tag alone, `…` for
// elided code) and is only checked for what it imports; `allow=CODE` lets a Svelte block keep
// the compiler warning CODE (code written as another library's docs write it).

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'));

const documents = [
	'README.md',
	...readdirSync(root + 'docs')
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => `docs/${name}`)
];

/** A block's import of this package: `{ names } from 'svelte-form-actions/entry'`. */
interface PackageImport {
	entry: string;
	names: string[];
}

function packageImports(code: string): PackageImport[] {
	const found: PackageImport[] = [];
	const statement = /\b(?:import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*['"](svelte-form-actions(?:\/[^'"]*)?)['"]|\bimport\s*['"](svelte-form-actions(?:\/[^'"]*)?)['"]/g;
	for (const [, clause = '', entry, bare] of code.matchAll(statement)) {
		const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
		const names = named
			.split(',')
			.map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0])
			.filter(Boolean);
		found.push({ entry: entry ?? bare, names });
	}
	return found;
}

/** The source file behind each entry of package.json's "exports" (`./dist/x/index.js` → `src/lib/x/index.ts`). */
const entrySources = new Map<string, string>(
	Object.entries(pkg.exports as Record<string, { default: string }>).map(([subpath, target]) => [
		pkg.name + subpath.slice(1),
		root + target.default.replace(/^\.\/dist\//, 'src/lib/').replace(/\.js$/, '.ts')
	])
);

/** What each entry exports, as TypeScript reads the sources (values and types alike). */
const exportsOf = (() => {
	const program = ts.createProgram([...entrySources.values()], {
		allowJs: true,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		target: ts.ScriptTarget.ESNext,
		noEmit: true,
		skipLibCheck: true
	});
	const checker = program.getTypeChecker();
	const names = new Map<string, Set<string>>();
	for (const [entry, file] of entrySources) {
		const source = program.getSourceFile(file);
		const module = source && checker.getSymbolAtLocation(source);
		names.set(entry, new Set(module ? checker.getExportsOfModule(module).map((symbol) => symbol.name) : []));
	}
	return names;
})();

/** Problems with what a block imports from this package: an entry or a name that does not exist. */
function importProblems(code: string): string[] {
	const problems: string[] = [];
	for (const { entry, names } of packageImports(code)) {
		const exported = exportsOf.get(entry);
		if (!exported) {
			problems.push(`${entry} is not an entry of package.json "exports"`);
			continue;
		}
		for (const name of names) if (!exported.has(name)) problems.push(`${entry} exports no ${name}`);
	}
	return problems;
}

/** TypeScript's syntax errors in `code` (types are not checked: blocks lean on their context). */
function syntaxErrors(code: string, fileName: string): string[] {
	const { diagnostics = [] } = ts.transpileModule(code, { fileName, reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ESNext } });
	return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** What the compiler says about a Svelte component: errors and warnings alike. */
function svelteProblems(code: string, async = false): string[] {
	try {
		const { warnings } = compile(code, { filename: 'Example.svelte', generate: 'client', experimental: { async } });
		return warnings.map((warning) => `${warning.code}: ${warning.message}`);
	} catch (error) {
		return [String((error as Error).message)];
	}
}

/** The fixture apps (fixtures/*), projects shaped like users': what they install, docs may install.
 * (An app without a package.json of its own, fixtures/kit3-remote, runs on a combination's.) */
const fixturePackages = readdirSync(root + 'fixtures').filter((name) => existsSync(`${root}fixtures/${name}/package.json`)).map((name) => JSON.parse(readFileSync(`${root}fixtures/${name}/package.json`, 'utf8')));

function dependencyNames(manifest: Record<string, Record<string, string> | undefined>): string[] {
	return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies });
}

/** `npm run x` names a script; `npm install a b` names packages this repository has heard of. */
function shellProblems(code: string): string[] {
	const problems: string[] = [];
	const known = new Set([pkg.name, ...dependencyNames(pkg), ...fixturePackages.flatMap(dependencyNames)]);
	for (const line of code.split('\n')) {
		for (const command of line.replace(/#.*$/, '').split(/&&|;|\|\|/)) {
			const words = command.trim().split(/\s+/);
			if (words[0] !== 'npm') continue;
			const [, verb, ...rest] = words;
			if (verb === 'run' && !(rest[0] in pkg.scripts)) problems.push(`no script "${rest[0]}" in package.json`);
			if (verb === 'test' && !('test' in pkg.scripts)) problems.push('no script "test" in package.json');
			if (verb === 'install' || verb === 'i') {
				for (const name of rest.filter((word) => !word.startsWith('-'))) {
					if (!known.has(name.replace(/(?<=.)@[^/]*$/, ''))) problems.push(`npm install ${name}: not a package this repository uses`);
				}
			}
		}
	}
	return problems;
}

/** Languages and what is done with their blocks. `text` is for output and other prose in a box. */
const checks: Record<string, (block: CodeBlock, where: string) => string[]> = {
	svelte: ({ code, flags }) => svelteProblems(code, flags.includes('async')).filter((problem) => !flags.some((flag) => problem.startsWith(`${flag.slice('allow='.length)}: `))),
	ts: ({ code }, where) => syntaxErrors(code, `${where}.ts`),
	js: ({ code }, where) => syntaxErrors(code, `${where}.js`),
	sh: ({ code }) => shellProblems(code),
	json: ({ code }) => {
		try {
			JSON.parse(code);
			return [];
		} catch (error) {
			return [String(error)];
		}
	},
	css: ({ code }) => {
		try {
			parseCss(code);
			return [];
		} catch (error) {
			return [String((error as Error).message)];
		}
	},
	text: () => [],
	// Markdown shown as an example: its own blocks follow the same rules.
	md: ({ code }, where) => codeBlocks(code).flatMap((block) => problemsOf(block, `${where} > line ${block.line}`))
};

/** Everything wrong with a block: an unknown language or flag, bad imports, what its check finds. */
function problemsOf(block: CodeBlock, where: string): string[] {
	const check = checks[block.lang];
	if (!check) return [`"${block.lang}" is not a language among ${Object.keys(checks).join(', ')}`];
	const flags = block.flags.filter((flag) => flag !== 'fragment' && !(flag === 'async' && block.lang === 'svelte') && !/^allow=\w+$/.test(flag)).map((flag) => `unknown flag "${flag}"`);
	return [...flags, ...importProblems(block.code), ...(block.flags.includes('fragment') ? [] : check(block, where))];
}

const withCode = documents
	.map((document) => [document, codeBlocks(readFileSync(root + document, 'utf8'))] as const)
	.filter(([, blocks]) => blocks.length > 0);

test('the README and the docs have code to check', () => {
	expect(withCode.map(([document]) => document)).toContain('README.md');
	expect(withCode.length).toBeGreaterThan(5);
});

describe.each(withCode)('code blocks of %s', (document, blocks) => {
	test.each(blocks.map((block) => [`line ${block.line} (${[block.lang, ...block.flags].join(' ') || 'no language'})`, block] as const))(
		'%s',
		(where, block) => {
			expect(problemsOf(block, `${document}:${where}`)).toEqual([]);
		}
	);
});

describe('the checks catch', () => {
	test('a name the package does not export, and an entry it does not have', () => {
		expect(importProblems("import { enhance, enhanse } from 'svelte-form-actions';\nimport x from 'svelte-form-actions/nope';")).toEqual([
			'svelte-form-actions exports no enhanse',
			'svelte-form-actions/nope is not an entry of package.json "exports"'
		]);
	});
	test('a type import and a renamed one', () => {
		expect(importProblems("import { type ActionResult, page as state } from 'svelte-form-actions';")).toEqual([]);
		expect(importProblems("import type { Nothing } from 'svelte-form-actions';")).toEqual(['svelte-form-actions exports no Nothing']);
	});
	test('a component that does not compile', () => {
		expect(svelteProblems('<script>\n\tlet { a } = $props();\n</script>\n{#if a}<p>open')).not.toEqual([]);
	});
	test('`await` in markup: only with the flag `async` (Svelte\'s `experimental.async`), and only for Svelte', () => {
		const block = { lang: 'svelte', code: '<p>{await Promise.resolve(1)}</p>', line: 1 };
		expect(problemsOf({ ...block, flags: ['async'] }, 'x')).toEqual([]);
		expect(problemsOf({ ...block, flags: [] }, 'x')).not.toEqual([]);
		expect(problemsOf({ lang: 'ts', flags: ['async'], code: '', line: 1 }, 'x')).toEqual(['unknown flag "async"']);
	});
	test('an unknown language or flag, and a bad block inside a Markdown example', () => {
		expect(problemsOf({ lang: 'python', flags: [], code: '', line: 1 }, 'x')).toEqual([
			'"python" is not a language among svelte, ts, js, sh, json, css, text, md'
		]);
		expect(problemsOf({ lang: 'ts', flags: ['partial'], code: '', line: 1 }, 'x')).toEqual(['unknown flag "partial"']);
		expect(problemsOf({ lang: 'md', flags: [], code: '```sh\nnpm run nope\n```', line: 1 }, 'x')).toEqual(['no script "nope" in package.json']);
	});
	test('a script that does not parse', () => {
		expect(syntaxErrors('const a = { b: … };', 'x.ts')).not.toEqual([]);
	});
	test('a script that package.json does not have, and a package nobody uses', () => {
		expect(shellProblems('npm run dev && npm run deploy # ship it\nnpm install -D msw left-pad@1.3.0')).toEqual([
			'no script "deploy" in package.json',
			'npm install left-pad@1.3.0: not a package this repository uses'
		]);
	});
});
