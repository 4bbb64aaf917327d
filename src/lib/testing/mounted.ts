/** How to take down each page `renderPage` mounted, newest last. */
const teardowns: Array<() => void> = [];

/** Remembers how to take down a mounted page. */
export function onTeardown(teardown: () => void): void {
	teardowns.push(teardown);
}

/** Takes down every mounted page, newest first (each restores what it found). */
export function teardownAll(): void {
	while (teardowns.length) teardowns.pop()!();
}
