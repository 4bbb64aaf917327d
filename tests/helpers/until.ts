/**
 * Waits until `check` stops throwing, letting pending I/O and promises run in between (through
 * `setImmediate`, which fake timers leave alone: unlike `vi.waitFor`, this never moves the clock).
 */
export async function until(check: () => unknown, turns = 1000): Promise<void> {
	for (let turn = 0; ; turn++) {
		try {
			check();
			return;
		} catch (error) {
			if (turn >= turns) throw error;
			await new Promise((resolve) => setImmediate(resolve));
		}
	}
}
