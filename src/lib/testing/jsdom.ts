/**
 * Fills the gaps of jsdom (29 and older) that forms meet, with what browsers do:
 * - no `formAction`, `formMethod` and `formEnctype` on buttons and inputs, which `enhance` reads on
 *   the submitter: a `<button formaction="?/register">` would post nowhere. Defined as reflections
 *   of the attributes; where they exist, nothing changes.
 * - `new FormData(form)` ignores the files of `<input type="file">` (selected in tests by setting
 *   `files`, as user-event's `upload` does). See `BrowserFormData`.
 */
export function fillJsdomGaps(): void {
	if (FormData.name !== 'BrowserFormData') globalThis.FormData = browserFormData(FormData);
	for (const element of [HTMLButtonElement, HTMLInputElement]) {
		if ('formAction' in element.prototype) continue;
		Object.defineProperties(element.prototype, {
			formAction: {
				configurable: true,
				get(this: HTMLButtonElement) {
					const value = this.getAttribute('formaction');
					return value ? new URL(value, document.baseURI).href : (this.form?.action ?? document.URL);
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
					return value === 'multipart/form-data' || value === 'text/plain' ? value : 'application/x-www-form-urlencoded';
				}
			}
		});
	}
}

/**
 * jsdom's FormData gives every `<input type="file">` one empty entry, whatever its `files`.
 * Browsers send each selected file, or an empty `File` named "" when none is selected: put them
 * back, in order.
 */
function browserFormData(JsdomFormData: typeof FormData): typeof FormData {
	return class BrowserFormData extends JsdomFormData {
		constructor(form?: HTMLFormElement, submitter?: HTMLElement | null) {
			super(form, submitter);
			if (!form) return;
			const files = new Map<string, File[]>();
			for (const input of form.querySelectorAll<HTMLInputElement>('input[type=file][name]:not(:disabled)')) {
				const selected = input.files?.length ? [...input.files] : [new File([], '', { type: 'application/octet-stream' })];
				files.set(input.name, [...(files.get(input.name) ?? []), ...selected]);
			}
			if (files.size === 0) return;
			const entries = [...this];
			for (const name of new Set(entries.map(([name]) => name))) this.delete(name);
			for (const [name, value] of entries) {
				const queue = files.get(name);
				const placeholder = value === '' || (value instanceof File && value.name === '' && value.size === 0);
				if (placeholder && queue?.length) for (const file of queue.splice(0)) this.append(name, file);
				else this.append(name, value);
			}
		}
	};
}
