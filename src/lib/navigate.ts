import { BROWSER } from 'esm-env';

/**
 * The default `goto`: a full navigation, as a native form submission would make, but only to
 * http(s) URLs. `new URL` normalises case, whitespace and tabs away (` JAVASCRIPT:`,
 * `java\tscript:`), so checking the parsed protocol catches every spelling of a script URL.
 */
export function navigate(url: string | URL): void {
	if (!BROWSER) throw new Error('goto() can only be called in the browser');
	const target = new URL(url, location.href);
	if (target.protocol !== 'http:' && target.protocol !== 'https:') {
		throw new Error(`Refused to navigate to ${target.protocol} URL: only http(s) redirects are followed`);
	}
	location.assign(target.href);
}
