import { errorText } from '../wire/error-text.js';
import type { ActionResult } from '../types.js';

/**
 * An `error` result as SvelteKit 3's `applyAction` reads it. Its `App.Error` carries the status
 * (`{ status, message }`), and its error page takes `page.status` from the error, not from the
 * result as SvelteKit 2 did. The errors the browser made (a network failure, an answer that is
 * no result, app code that threw) have none: without this, the error page said 200.
 */
export function withAppError(result: ActionResult): ActionResult {
	if (result.type !== 'error' || typeof (result.error as { status?: unknown } | null)?.status === 'number') return result;
	return { ...result, error: { status: result.status ?? 500, message: errorText(result.error) } };
}
