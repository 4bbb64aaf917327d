import { resetConfig } from './config.js';
import { clearRecords } from './msw/requests.js';
import { pageState } from './page.svelte.js';
import { clearRefreshers } from './refresh.js';

/**
 * Puts all library state back as it was at import: `page`, every `configure` option, the
 * registered refreshers and the requests recorded by MSW action handlers. For tests, between
 * cases: `afterEach(resetAll)`, or the setup file `svelte-form-actions/testing/setup`.
 */
export function resetAll(): void {
	pageState.form = null;
	pageState.status = 200;
	pageState.error = null;
	resetConfig();
	clearRefreshers();
	clearRecords();
}
