import { resetConfig } from '../config.js';
import { resetRouteState } from './app/page.svelte.js';
import { clearRecords } from './msw/requests.js';
import { clearPage } from '../page.svelte.js';
import { clearRefreshers } from '../refresh/refresh.js';
import { forgetUnshown } from '../result/unshown.js';
import { teardownAll } from './mounted.js';
import { resetRemoteState } from './remote/client.js';
import { renewRemoteFunctions } from './remote/functions.js';

/**
 * Puts all library state back as it was at import: `page`, every `configure` option, the
 * registered refreshers, the requests recorded by MSW action and remote-function handlers, the
 * queries cached by SvelteKit's remote functions and the state its forms keep (new stubs), and the pages mounted by
 * `renderPage` (unmounted, the document's URL restored), and the actions submitted and development
 * messages logged (each is logged once per page load). For tests, between cases: `afterEach(resetAll)`,
 * or the setup file `svelte-form-actions/testing/setup`.
 */
export function resetAll(): void {
	teardownAll();
	clearPage();
	resetRouteState();
	resetConfig();
	clearRefreshers();
	clearRecords();
	forgetUnshown();
	resetRemoteState();
	renewRemoteFunctions();
}
