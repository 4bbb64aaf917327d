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
 * jsdom's FormData ignores the files of an `<input type="file">` (tests select them by setting
 * `files`, as user-event's `upload` does): every file input gives one empty entry. Browsers send
 * each selected file, or an empty `File` named "" when none is selected. Put them back, in order.
 */
class BrowserFormData extends FormData {
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
}
globalThis.FormData = BrowserFormData;
