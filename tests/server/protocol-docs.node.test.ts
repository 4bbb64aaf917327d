/**
 * Every curl example in docs/protocol.md, run against the demo's SvelteKit server: its output
 * must be the one the page shows after it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { useKitServer } from './kit-server.js';

const kit = useKitServer();
const page = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
const examples = [...page.matchAll(/```sh\n(curl [^\n]+)\n```\n\n```(?:json|text)\n([\s\S]*?)\n```/g)].map(([, command, output]) => ({
	command,
	output
}));

test('the page has its examples', () => {
	expect(examples.length).toBe(8);
});

for (const { command, output } of examples) {
	test(command.slice(0, 110), async () => {
		const run = command.replaceAll('http://localhost:5173', kit.origin);
		// Asynchronously: the server answers from this very process.
		const { stdout } = await promisify(execFile)('bash', ['-c', run], { encoding: 'utf8' });
		expect(stdout.trim()).toBe(output.trim());
	});
}
