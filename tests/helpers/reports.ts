import { onTestFinished } from 'vitest';

/**
 * The errors the library reports on `window` during the current test: `error` results that no
 * `<ErrorBoundary>` shows (jsdom has no `reportError`, so they come as `error` events). A test that
 * expects such an error listens, as an app's error tracker would, and asserts what came; Vitest
 * then does not fail the run on it. Any other error on `window` still fails the test.
 */
export function reports(): Error[] {
	const reported: Error[] = [];
	const others: unknown[] = [];
	const listen = (event: ErrorEvent) => {
		const ours = event.error instanceof Error && event.error.message.startsWith('error result of ');
		(ours ? reported : others).push(event.error);
	};
	window.addEventListener('error', listen);
	onTestFinished(() => {
		window.removeEventListener('error', listen);
		if (others.length) throw others[0];
	});
	return reported;
}
