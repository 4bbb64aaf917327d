import { call, read } from '../form/dom.js';
import type { AnnounceText, Plug } from '../types.js';

/** The default text: `data.message` of a success or failure, when it is a string. */
const message: AnnounceText<any, any> = (result) => {
	const data = 'data' in result ? result.data : undefined;
	return typeof data?.message === 'string' && data.message;
};

/**
 * Reads each result of the form out to screen readers, through one polite live region
 * (`role="status"`, visually hidden) that the first announcing form adds to `<body>`. Opt in per
 * form: `use:enhance={{ use: [announce()] }}`, or choose the words:
 *
 * ```js
 * announce((result) => (result.type === 'success' ? 'Saved' : result.data?.message))
 * ```
 *
 * Aborted submissions and discarded results announce nothing.
 */
export function announce<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
>(text: AnnounceText<Success, Failure> = message): Plug<Success, Failure> {
	return {
		start() {
			// Present before the text changes: live regions added with their text are often not read.
			const region = liveRegion();
			return (result) => {
				const words = result && text(result);
				// The same words twice would be no change, so nothing would be read: vary them invisibly.
				if (words) region.textContent = region.textContent === words ? `${words}\u00a0` : words;
			};
		}
	};
}

let region: HTMLElement | undefined;

/** The shared live region, (re-)added to the document, empty, when it is not in it. */
function liveRegion(): HTMLElement {
	if (!region) {
		// Through `dom.js`: `<img name="createElement">` or `<img name="body">` shadows `document`'s.
		region = call(document, 'createElement', 'div');
		region.setAttribute('role', 'status');
		region.setAttribute('aria-live', 'polite');
		region.setAttribute('aria-atomic', 'true');
		region.setAttribute('data-form-announcer', '');
		// Visually hidden, still read (the usual "sr-only" rules).
		region.style.cssText =
			'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
	}
	if (!region.isConnected) {
		// Back in a new document body (a re-rendered app, a test): what it said before is stale.
		region.textContent = '';
		read(document, 'body')?.append(region);
	}
	return region;
}
