import { BROWSER, DEV } from 'esm-env';

/**
 * The default `goto`: a full navigation, as a native form submission would make, but only to
 * http(s) URLs (see `target`).
 */
export function navigate(url: string | URL): void {
	if (!BROWSER) throw new Error('goto() can only be called in the browser');
	location.assign(target(url).href);
}

/**
 * The http(s) URL that `url` resolves to against the page; throws, saying why, for anything else.
 *
 * `new URL` normalises case, whitespace and tabs away (` JAVASCRIPT:`, `java\tscript:`), so the
 * parsed protocol catches every spelling of a script URL the browser would run. Entity- and
 * percent-encoded spellings (`&#106;avascript:`, `javascript&colon;`, `javascript%3A`) parse as
 * harmless relative paths, but become script URLs as soon as something decodes them (an `href`
 * attribute, a router that unescapes paths): those are refused too. Only the scheme position of
 * the decoded text counts, so `/search?q=javascript%3A` or `/wiki/JavaScript:_Intro` is followed;
 * the price is refusing a relative path that starts with an encoded `data:` (nobody writes one).
 */
export function target(url: string | URL): URL {
	const text = String(url);
	let parsed: URL | undefined;
	try {
		parsed = new URL(text, location.href);
	} catch {}
	const kind = /^(javascript|data|vbscript):/.exec(unmask(text))?.[0] ?? (parsed ? parsed.protocol : 'an invalid');
	if (!/^https?:$/.test(kind)) {
		// Why, in development only: the refusal itself says what was wrong.
		const why = DEV ? ': only http(s) redirects are followed' : '';
		throw new Error(`Refused to navigate to ${kind} URL ${JSON.stringify(text.slice(0, 80))}${why}`);
	}
	return parsed!;
}

/**
 * Decodes character references and percent-escapes until nothing changes (so `&#37;6A` and
 * `%26%23106;` unfold too; bounded, so a hostile input cannot make it loop), then drops the
 * control characters and spaces a URL parser or an HTML attribute skips, and lowercases.
 * Only ASCII matters here: anything above U+FFFD becomes U+FFFD.
 */
function unmask(text: string): string {
	for (let i = 8, last; i-- && last !== text; ) {
		last = text;
		text = text.replace(/&#(?:x([\da-f]+)|(\d+));?|%([\da-f]{2})|&(colon|tab|newline);?/gi, (_, hex, decimal, byte, name) =>
			name ? (/^c/i.test(name) ? ':' : ' ') : String.fromCodePoint(Math.min(parseInt(hex ?? byte ?? decimal, hex || byte ? 16 : 10), 0xfffd))
		);
	}
	return text.replace(/[\0-\x20]/g, '').toLowerCase();
}
