import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { stripVTControlCharacters } from 'node:util';

/**
 * A server started as a child process, once it has printed where it listens: `listening` finds the
 * origin in what it printed so far (stdout and stderr, escape codes stripped). Rejects, with what it
 * printed, if it exits first; `close()` stops it.
 */
export async function listeningServer(child: ChildProcess, what: string, listening: (output: string) => string | undefined) {
	let output = '';
	const origin = await new Promise<string>((resolve, reject) => {
		const read = (chunk: Buffer) => {
			output += chunk;
			const origin = listening(stripVTControlCharacters(output));
			if (origin) resolve(origin);
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => reject(new Error(`${what} exited (${code}) before listening:\n${output}`)));
	});
	return {
		origin,
		/** What it printed so far, stdout and stderr. */
		output: () => output,
		async close() {
			if (child.exitCode !== null) return;
			child.kill();
			await once(child, 'exit');
		}
	};
}
