/**
 * jsdom is not a browser. This fills the gaps the library meets, with the behaviour of real
 * browsers (proven in Chromium by the end-to-end tests); nothing here is used outside tests.
 */

// The submitter's form-override properties, reflected from their attributes as browsers do.
for (const element of [HTMLButtonElement, HTMLInputElement]) {
	Object.defineProperties(element.prototype, {
		formAction: {
			configurable: true,
			get(this: HTMLButtonElement) {
				const value = this.getAttribute('formaction');
				return value ? new URL(value, document.baseURI).href : this.form?.action ?? document.URL;
			}
		},
		formMethod: {
			configurable: true,
			get(this: HTMLButtonElement) {
				const value = this.getAttribute('formmethod')?.toLowerCase();
				return value === 'post' || value === 'dialog' ? value : 'get';
			}
		},
		formEnctype: {
			configurable: true,
			get(this: HTMLButtonElement) {
				const value = this.getAttribute('formenctype')?.toLowerCase();
				return value === 'multipart/form-data' || value === 'text/plain'
					? value
					: 'application/x-www-form-urlencoded';
			}
		}
	});
}

/**
 * jsdom's FormData differs from browsers' in two ways; each is fixed by showing jsdom, for the
 * moment it builds the entry list, what a browser would see:
 * - it ignores files selected by setting `files` (tests select them so, as user-event's `upload`
 *   does) and sends an empty file instead: it is given those files;
 * - it sends selected options that are disabled (it checks the `<select>` instead of the
 *   option): they are unselected meanwhile, without running the selection algorithm.
 * jsdom's own objects are reached through its `impl` symbol.
 */
class BrowserFormData extends FormData {
	constructor(form?: HTMLFormElement, submitter?: HTMLElement | null) {
		const undo: Array<() => void> = [];
		for (const element of form?.elements ?? []) {
			const own = impl(element);
			if (element instanceof HTMLInputElement && element.type === 'file' && Object.hasOwn(element, 'files')) {
				const original = own.files;
				const files = [...(element.files ?? [])].map(impl);
				own.files = Object.assign(files, { item: (i: number) => files[i] ?? null });
				undo.push(() => (own.files = original));
			}
			if (element instanceof HTMLSelectElement) {
				for (const option of element.options) {
					if (option.selected && option.matches(':disabled')) {
						impl(option)._selectedness = false;
						undo.push(() => (impl(option)._selectedness = true));
					}
				}
			}
		}
		try {
			super(form, submitter);
		} finally {
			for (const step of undo) step();
		}
	}
}
globalThis.FormData = BrowserFormData;

/** The jsdom implementation object behind a DOM object. */
function impl(object: object): any {
	const symbol = Object.getOwnPropertySymbols(object).find((s) => s.description === 'impl');
	if (!symbol) throw new Error('jsdom-gaps: not a jsdom object (a Node File in a file input?)');
	return (object as any)[symbol];
}
