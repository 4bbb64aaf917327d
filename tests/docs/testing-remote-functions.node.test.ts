// docs/testing-remote-functions.md shows the files of fixtures/kit3-remote (the SvelteKit 3.4 app
// with remote functions whose component tests `npm run test:versions` runs): every file block of
// the page must be the fixture's file, character for character.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const page = fs.readFileSync(path.join(root, 'docs', 'testing-remote-functions.md'), 'utf8');

/** Every code block introduced by a line naming its file: `` `path` ``. */
function fileBlocks(): { path: string; code: string }[] {
	const lines = page.split('\n');
	const blocks: { path: string; code: string }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const label = /^`([^`\s]+\.[a-z]+)`$/.exec(lines[i]);
		if (!label || lines[i + 1] !== '' || !lines[i + 2]?.startsWith('```')) continue;
		blocks.push({ path: label[1], code: lines.slice(i + 3, lines.indexOf('```', i + 3)).join('\n') });
	}
	return blocks;
}

const blocks = fileBlocks();

test('the page shows the config, both remote files, the mocks and a test of every scenario', () => {
	expect(blocks.map((block) => block.path)).toEqual(
		expect.arrayContaining([
			'vite.config.ts',
			'src/lib/posts.remote.ts',
			'src/lib/forms.remote.ts',
			'src/mocks/posts.ts',
			'src/routes/page.svelte.test.ts',
			'src/routes/page.jsdom.test.ts',
			'src/routes/new/page.svelte.test.ts',
			'src/routes/publish/page.svelte.test.ts',
			'src/routes/rename/page.svelte.test.ts',
			'src/routes/upload/page.svelte.test.ts',
			'src/routes/posts/[id]/page.svelte.test.ts',
			'src/routes/unmocked.svelte.test.ts'
		])
	);
});

test.each(blocks)("$path is the fixture's file", ({ path: file, code }) => {
	expect(code).toBe(fs.readFileSync(path.join(root, 'fixtures', 'kit3-remote', file), 'utf8').replace(/\n$/, ''));
});
