import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { codeSpans, headingAnchors, linkTargets } from '../helpers/markdown.js';

// The package page (npm, unpkg, a reader's node_modules) shows what `npm pack` ships, and nothing
// else: every relative link in a shipped document must lead to a shipped file, anchors included.

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The files `npm pack` puts in the tarball (as npm decides, from package.json "files"). */
function packed(): Set<string> {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const output = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	const [{ files }] = JSON.parse(output) as [{ files: { path: string }[] }];
	return new Set(files.map((file) => file.path));
}

const shipped = packed();
const documents = [...shipped].filter((path) => path.endsWith('.md')).sort();
const read = (path: string) => readFileSync(root + path, 'utf8');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('the package ships', () => {
	test.each(['README.md', 'CHANGELOG.md', 'LICENSE', 'SECURITY.md', 'docs/api.md'])('%s', (path) => {
		expect(shipped.has(path)).toBe(true);
	});

	test('every page of docs/ but development.md, which is about this repository', () => {
		const docs = execFileSync('git', ['ls-files', 'docs/*.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
		expect(docs.length).toBeGreaterThan(0);
		expect(docs.filter((path) => !shipped.has(path))).toEqual(['docs/development.md']);
	});

	test('an MIT license naming the authors', () => {
		expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the svelte-form-actions authors\n/);
		expect(JSON.parse(read('package.json')).license).toBe('MIT');
	});

	test('no tests, examples or demo', () => {
		const extra = [...shipped].filter((path) => /^(tests|examples|src|fixtures|bench)\//.test(path));
		expect(extra).toEqual([]);
	});
});

describe.each(documents)('links in %s', (document) => {
	const targets = linkTargets(read(document));

	test('lead to shipped files and existing headings', () => {
		const dead: string[] = [];
		for (const target of targets) {
			// Absolute URLs (https:, mailto:) leave the package: nothing to check here.
			if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
			const [path, anchor] = target.split('#');
			const file = path === '' ? document : posix.normalize(posix.join(posix.dirname(document), decodeURI(path)));
			if (!shipped.has(file)) dead.push(`${target}: ${file} is not in the package`);
			else if (anchor !== undefined && !(file.endsWith('.md') && headingAnchors(read(file)).has(anchor))) {
				dead.push(`${target}: ${file} has no heading #${anchor}`);
			}
		}
		expect(dead).toEqual([]);
	});
});

// A reader has the package, not this repository: a code span naming one of its files (`tests/…`, a
// demo route) leads nowhere. Such a path is inlined, shipped or removed; a path of the reader's own
// app (`src/routes/+layout.svelte`) stays.

/** Folders only this repository has: any path under them names a file the reader cannot open. */
const repositoryOnly = /^(tests|fixtures|examples|bench|scripts|src\/demo)\//;

/**
 * Paths of the reader's app that the demo happens to have too (SvelteKit's own login example, the
 * root layout and error page), where a page is about the reader's app: docs/testing.md and
 * docs/testing-remote-functions.md walk through `sv create` apps. Anywhere else the same words name this repository's demo.
 */
const readersApp: Record<string, string[]> = {
	'docs/testing.md': [
		'src/routes',
		'src/routes/+layout.svelte',
		'src/routes/+error.svelte',
		'src/routes/login/+page.svelte',
		'src/routes/login/+page.server.ts'
	],
	// An app with remote functions, made by `sv`: its home page and its universal hooks.
	'docs/testing-remote-functions.md': ['src/routes/+page.svelte', 'src/hooks.ts']
};

/** Whether `path`, in `document`, names something this repository has and the package does not ship. */
function dangles(path: string, document: string): boolean {
	const bare = path.replace(/\/$/, '');
	if (shipped.has(bare) || readersApp[document]?.includes(bare)) return false;
	if (repositoryOnly.test(bare)) return true;
	return tracked.some((file) => file === bare || file.startsWith(bare + '/'));
}

/** The words of code spans in `markdown` that look like relative paths (`a/b`, no scheme). */
function spanPaths(markdown: string): { path: string; line: number }[] {
	return codeSpans(markdown).flatMap(({ code, line }) =>
		code
			.split(/\s+/)
			.filter((word) => /^[\w.*-]+(\/[\w.*+\[\]-]*)+$/.test(word))
			.map((path) => ({ path, line }))
	);
}

describe.each(documents)('code spans in %s', (document) => {
	test('name no file of this repository that the package leaves out', () => {
		const dangling = spanPaths(read(document))
			.filter(({ path }) => dangles(path, document))
			.map(({ path, line }) => `${document}:${line}: ${path}`);
		expect(dangling).toEqual([]);
	});
});

test('a repository path in a code span dangles; a shipped one or one of the reader’s app does not', () => {
	const paths = spanPaths('See `tests/plugs/repeat.test.ts`, `npm run bench` and `node bench/unsaved.js`.\n`src/routes/+layout.svelte`, `src/lib/form/dom.ts`, `src/lib/schemas.ts`, `docs/api.md`, `svelte-form-actions/server`, `text/html`');
	expect(paths.filter(({ path }) => dangles(path, 'docs/testing.md')).map(({ path }) => path)).toEqual([
		'tests/plugs/repeat.test.ts',
		'bench/unsaved.js',
		'src/lib/form/dom.ts'
	]);
	// The demo's login route, named outside the guide to the reader's app.
	expect(dangles('src/routes/login/+page.svelte', 'docs/protocol.md')).toBe(true);
	// A page of this repository that the package leaves out.
	expect(dangles('docs/development.md', 'README.md')).toBe(true);
});

test('the anchor rule is GitHub’s', () => {
	const anchors = headingAnchors(
		'# API\n## Pending UI without callbacks: `submission()`\n```md\n## Not a heading\n```\n## Twice\n## Twice\n'
	);
	expect([...anchors]).toEqual(['api', 'pending-ui-without-callbacks-submission', 'twice', 'twice-1']);
});

test('links are found in prose, not in code', () => {
	const targets = linkTargets('[a](docs/a.md) `[b](b.md)`\n```md\n[c](c.md)\n```\n[d]: d.md\n<a href="e.md">e</a>');
	expect(targets).toEqual(['docs/a.md', 'd.md', 'e.md']);
});
