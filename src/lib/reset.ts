import { resetConfig } from './config.js';
import { clearPage } from './page.svelte.js';
import { clearRefreshers } from './refresh.js';

/**
 * Puts all library state back as it was at import: `page`, every `configure` option and the
 * registered refreshers. For tests, between cases.
 */
export function resetAll(): void {
	clearPage();
	resetConfig();
	clearRefreshers();
}
