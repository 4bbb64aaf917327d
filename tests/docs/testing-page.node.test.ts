// docs/testing.md shows the files of the fixture apps (fixtures/sv-plain, fixtures/sv-superforms,
// and for msw 3 fixtures/sv-msw3), which `npm run test:fixtures` runs: every file block of the
// page must be the fixture's file, character for character, and a stated line count must be the block's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const page = fs.readFileSync(path.join(root, 'docs', 'testing.md'), 'utf8');

/** The fixture each block is from: by its section, or msw 3's combination when its label says `msw 3`. */
function fixtureOf(section: string, msw3 = false): string {
	if (msw3) return 'sv-msw3';
	return section.includes('superforms') ? 'sv-superforms' : 'sv-plain';
}

/** The fixture's `vite.config.ts` without its jsdom project: the browser-mode section's file. */
function browserOnly(config: string): string {
	return config
		.replace(/\t\t\t\{\n\t\t\t\textends: '\.\/vite\.config\.ts',\n\t\t\t\ttest: \{\n\t\t\t\t\tname: 'jsdom'[\s\S]*?\n\t\t\t\},\n\n/, '')
		.replace(", 'src/**/*.jsdom.{test,spec}.{js,ts}'", '');
}

interface FileBlock {
	section: string;
	path: string;
	msw3: boolean;
	lines?: number;
	code: string;
}

/** Every code block introduced by a line naming its file: `` `path` `` or `` `path` (N lines) ``. */
function fileBlocks(): FileBlock[] {
	const blocks: FileBlock[] = [];
	let section = '';
	const lines = page.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].startsWith('## ')) section = lines[i];
		const label = /^`([^`\s]+\.[a-z]+)`(?: \((msw 3, )?(\d+) lines\))?$/.exec(lines[i]);
		if (!label || lines[i + 1] !== '' || !lines[i + 2]?.startsWith('```')) continue;
		const end = lines.indexOf('```', i + 3);
		blocks.push({ section, path: label[1], msw3: Boolean(label[2]), lines: label[3] ? Number(label[3]) : undefined, code: lines.slice(i + 3, end).join('\n') });
	}
	return blocks;
}

const blocks = fileBlocks();

test('the page shows the files of both fixtures', () => {
	expect(blocks.map((block) => `${fixtureOf(block.section, block.msw3)}/${block.path}`)).toEqual(
		expect.arrayContaining([
			'sv-plain/vite.config.ts',
			'sv-plain/src/mocks/worker.ts',
			'sv-plain/src/mocks/worker.setup.ts',
			'sv-plain/src/mocks/server.ts',
			'sv-msw3/src/mocks/worker.setup.ts',
			'sv-msw3/src/mocks/server.ts',
			'sv-plain/src/routes/login/page.svelte.test.ts',
			'sv-plain/src/routes/login/page.jsdom.test.ts',
			'sv-superforms/src/routes/contact/+page.svelte',
			'sv-superforms/src/routes/contact/page.svelte.test.ts',
			'sv-superforms/src/routes/contact/page.jsdom.test.ts'
		])
	);
});

describe.each(blocks)('$section: $path', ({ section, path: file, msw3, lines, code }) => {
	test("is the fixture's file", () => {
		const fixture = fs.readFileSync(path.join(root, 'fixtures', fixtureOf(section, msw3), file), 'utf8').replace(/\n$/, '');
		const expected = file === 'vite.config.ts' && section.includes('Browser mode') ? browserOnly(fixture) : fixture;
		expect(code).toBe(expected);
	});

	if (lines !== undefined) {
		test(`has the ${lines} lines the page says`, () => {
			expect(code.split('\n').filter((line) => line.trim()).length).toBe(lines);
		});
	}
});
