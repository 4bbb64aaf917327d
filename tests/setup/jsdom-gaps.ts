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
