import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { headingAnchors, linkTargets } from '../helpers/markdown.js';

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

describe('the package ships', () => {
	test.each(['README.md', 'LICENSE', 'SECURITY.md', 'docs/api.md'])('%s', (path) => {
		expect(shipped.has(path)).toBe(true);
	});

	test('every page of docs/', () => {
		const docs = execFileSync('git', ['ls-files', 'docs/*.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
		expect(docs.length).toBeGreaterThan(0);
		expect(docs.filter((path) => !shipped.has(path))).toEqual([]);
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
