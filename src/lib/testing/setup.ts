/**
 * A Vitest setup file for jsdom: `test.setupFiles: ['svelte-form-actions/testing/setup']`.
 * - fills the gaps of jsdom that forms meet: submitters' `formAction`, `formMethod`,
 *   `formEnctype`, and multipart bodies that Node's `fetch` (or MSW's `XMLHttpRequest`) cannot read;
 * - puts all library state back after every test (`resetAll`: page state, `configure` options,
 *   refreshers, recorded requests, pages mounted by `renderPage`).
 */
import { afterEach, beforeEach } from 'vitest';
import { resetAll } from '../reset.js';
import { fillJsdomGaps } from './jsdom.js';
import { withNodeFiles, withNodeFilesXhr } from './node-files.js';

if (typeof HTMLElement !== 'undefined') {
	fillJsdomGaps();
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
