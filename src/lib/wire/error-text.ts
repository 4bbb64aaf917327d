/**
 * The text to show for an error of any shape, without throwing: its `message` when that is a
 * string, the error itself when it is a string, else SvelteKit's generic words. A server's
 * `error` can be any JSON and app code can throw anything; `String()` of `{ "toString": 1 }`
 * would throw while rendering.
 */
export function errorText(error: unknown): string {
	const message = (error as { message?: unknown } | null)?.message;
	if (typeof message === 'string') return message;
	return typeof error === 'string' ? error : 'Internal Error';
}

/** What app code threw, as an `error` result's error: anything but `null` or `undefined` as it is. */
export function thrownError(thrown: unknown): unknown {
	return thrown ?? new Error(`App code threw ${thrown}`);
}
