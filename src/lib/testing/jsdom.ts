/**
 * jsdom (29 and older) has no `formAction`, `formMethod` and `formEnctype` on buttons and inputs,
 * which `enhance` reads on the submitter: a `<button formaction="?/register">` would post nowhere.
 * Defines them as browsers do, reflected from the attributes; where they exist, nothing changes.
 */
export function fillJsdomGaps(): void {
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
