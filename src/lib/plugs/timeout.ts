import { DEV } from 'esm-env';
import type { Plug } from '../types.js';

/**
 * Aborts a request that has not been answered after `ms` milliseconds: the submission then ends
 * with an `error` result (an `Error` named `TimeoutError`, "POST /save?/save timed out after 5000 ms"), and the
 * form keeps its values. A plug on SvelteKit's abort rule: an abort with a reason other than an
 * `AbortError` is an error result.
 *
 * ```svelte
 * <form method="POST" action="?/save" use:enhance={{ use: [timeout(5_000)] }}>
 * ```
 */
export function timeout(ms: number): Plug {
	// `typeof`: `'500'`, `[100]` and `true` compare as numbers, but `setTimeout` would not take them.
	if (DEV && !(typeof ms === 'number' && ms >= 1 && ms <= 2147483647)) {
		const shown = typeof ms === 'number' ? ms : `of type ${typeof ms}`;
		throw new Error(`timeout() takes milliseconds, between 1 and 2147483647 (not ${shown}); leave the plug out for none.`);
	}
	return {
		start({ action, controller }) {
			const timer = setTimeout(() => {
				// An `Error` named `TimeoutError`, as `AbortSignal.timeout`'s reason is named: the
				// result's error, so `page.error` is an `Error` (a `DOMException` is not one everywhere).
				const reason = new Error(`POST ${action.pathname}${action.search} timed out after ${ms} ms`);
				reason.name = 'TimeoutError';
				controller.abort(reason);
			}, ms);
			return () => clearTimeout(timer);
		}
	};
}
