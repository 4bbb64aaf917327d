/** Whether this is jsdom (its user agent says so), not a real browser nor Node. */
export function isJsdom(): boolean {
	return typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom');
}

/**
 * Fills the gaps of jsdom (29 to 31) that forms meet, with what browsers do:
 * - no `formAction`, `formMethod` and `formEnctype` on buttons and inputs, which `enhance` reads on
 *   the submitter: a `<button formaction="?/register">` would post nowhere. Defined as reflections
 *   of the attributes; where they exist, nothing changes.
 * - `new FormData(form)` ignores the files of `<input type="file">` (selected in tests by setting
 *   `files`, as user-event's `upload` does). See `BrowserFormData`.
 */
export function fillJsdomGaps(): void {
	if (FormData.name !== 'BrowserFormData') globalThis.FormData = browserFormData(FormData);
	selectableFiles();
	for (const element of [HTMLButtonElement, HTMLInputElement]) {
		if ('formAction' in element.prototype) continue;
		Object.defineProperties(element.prototype, {
			// As browsers reflect them: a missing or empty `formaction` is the document's URL (a
			// `formaction=""` button posts to the page itself, not to the form's action); a missing
			// `formmethod`/`formenctype` is "", an unknown one the default.
			formAction: {
				configurable: true,
				get(this: HTMLButtonElement) {
					const value = this.getAttribute('formaction');
					return value ? new URL(value, document.baseURI).href : document.URL;
				}
			},
			formMethod: {
				configurable: true,
				get(this: HTMLButtonElement) {
					const value = this.getAttribute('formmethod')?.toLowerCase();
					if (value === undefined) return '';
					return value === 'post' || value === 'dialog' ? value : 'get';
				}
			},
			formEnctype: {
				configurable: true,
				get(this: HTMLButtonElement) {
					const value = this.getAttribute('formenctype')?.toLowerCase();
					if (value === undefined) return '';
					return value === 'multipart/form-data' || value === 'text/plain' ? value : 'application/x-www-form-urlencoded';
				}
			}
		});
	}
}

/**
 * Browsers let a script set `input.files` to a FileList (SvelteKit's remote forms do, through
 * `.as('file')`, after every change). user-event's `upload`, which cannot make a FileList, puts the
 * chosen files on the element as a property with a getter only, so the next such assignment
 * threw "Cannot set property files … which has only a getter". That property gets a setter: a
 * list selects its files (the same ones, when SvelteKit writes back what was chosen), `null`
 * changes nothing, as in browsers. Nothing else is touched.
 */
function selectableFiles(): void {
	if ((Object.defineProperties as { selectableFiles?: true }).selectableFiles) return;
	const define = Object.defineProperties;
	const patched = function <T>(target: T, properties: PropertyDescriptorMap & ThisType<any>): T {
		const files = properties.files;
		if (target instanceof HTMLInputElement && files?.get && !files.set) {
			properties = {
				...properties,
				files: {
					...files,
					set(this: HTMLInputElement, list: FileList | null) {
						if (list) Object.defineProperty(this, 'files', { ...files, get: () => list });
					}
				}
			};
		}
		return define(target, properties);
	};
	Object.defineProperties = Object.assign(patched, { selectableFiles: true as const });
}

/**
 * jsdom's FormData differs from browsers' in two ways; each is fixed by showing jsdom, for the
 * moment it builds the entry list, what a browser would see:
 * - it ignores files selected by setting `files` (tests select them so, as user-event's `upload`
 *   does) and sends an empty file instead: it is given those files;
 * - it sends selected options that are disabled (it checks the `<select>` instead of the
 *   option): they are unselected meanwhile, without running the selection algorithm.
 * jsdom's own objects are reached through its `impl` symbol; elsewhere nothing changes.
 */
function browserFormData(JsdomFormData: typeof FormData): typeof FormData {
	return class BrowserFormData extends JsdomFormData {
		constructor(form?: HTMLFormElement, submitter?: HTMLElement | null) {
			const undo: Array<() => void> = [];
			for (const element of form?.elements ?? []) {
				const own = impl(element);
				if (!own) break;
				const files = element instanceof HTMLInputElement && element.type === 'file' && Object.hasOwn(element, 'files')
					? Array.from(element.files ?? [], impl)
					: undefined;
				if (files?.every(Boolean)) {
					const original = own.files;
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
	};
}

/** The jsdom implementation object behind a DOM object, if it is one of jsdom's. */
function impl(object: object): any {
	// jsdom 29 and older keep it under a symbol property of the object.
	const symbol = Object.getOwnPropertySymbols(object).find((s) => s.description === 'impl');
	if (symbol) return (object as any)[symbol];
	// jsdom 30 and later keep it in a private field, read by their own `implForWrapper`.
	return jsdomUtils()?.implForWrapper(object) ?? undefined;
}

let utils: { implForWrapper(object: object): unknown } | null | undefined;

/**
 * jsdom's own wrapper utilities: the module instance of the jsdom that runs the tests (a
 * CommonJS package, so `require` from the project shares Vitest's instance). Reached through
 * `process`, not imported: this module must load in a browser too.
 */
function jsdomUtils() {
	if (utils !== undefined) return utils;
	utils = null;
	try {
		const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
		const require = createRequire(`${process.cwd()}/`);
		const main = require.resolve('jsdom');
		utils = createRequire(main)('./generated/idl/utils.js');
	} catch {
		// Another layout (or no jsdom where the tests run): files and options stay as jsdom sends them.
	}
	return utils;
}
