/**
 * A Vitest setup file, for browser mode and jsdom alike:
 * `test.setupFiles: ['svelte-form-actions/testing/setup']`.
 * - puts all library state back after every test (`resetAll`: page state, `configure` options,
 *   refreshers, recorded requests, pages mounted by `renderPage`);
 * - under jsdom only, fills the gaps of jsdom that forms meet (see `./jsdom.js`,
 *   `./node-files.js`, `./jsdom-files.js`). A real browser gets nothing else.
 */
import { afterEach, beforeEach } from 'vitest';
import { resetAll } from './reset.js';
import { fillJsdomGaps, isJsdom } from './jsdom.js';
import { withJsdomFiles } from './jsdom-files.js';
import { withNodeFiles, withNodeFilesXhr } from './node-files.js';

if (isJsdom()) {
	fillJsdomGaps();
	withJsdomFiles();
	// Before each test, not at load: MSW replaces `fetch` in its `listen()`, usually in a
	// `beforeAll`, and the body must be rebuilt before MSW reads it.
	beforeEach(() => {
		globalThis.fetch = withNodeFiles(globalThis.fetch);
		// MSW defines its XMLHttpRequest read-only (but configurable).
		const XHR = globalThis.XMLHttpRequest;
		if (XHR) Object.defineProperty(globalThis, 'XMLHttpRequest', { value: withNodeFilesXhr(XHR), writable: true, configurable: true });
	});
}
afterEach(resetAll);
