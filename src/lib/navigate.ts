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
 * A location still unfolding after 64 layers of encoding is refused as over-encoded.
 */
export function target(url: string | URL): URL {
	const text = String(url);
	let parsed: URL | undefined;
	try {
		parsed = new URL(text, location.href);
	} catch {}
	const unmasked = unmask(text);
	let kind = unmasked === undefined ? 'an over-encoded' : /^(javascript|data|vbscript):/.exec(unmasked)?.[0];
	kind ??= parsed ? parsed.protocol : 'an invalid';
	if (!/^https?:$/.test(kind)) {
		// The message quotes 80 characters of the location; a scheme it names must not add more.
		if (kind.length > 16) kind = 'a non-http(s)';
		// Why, in development only: the refusal itself says what was wrong.
		const why = DEV ? ': only http(s) redirects are followed' : '';
		throw new Error(`Refused to navigate to ${kind} URL ${JSON.stringify(text.slice(0, 80))}${why}`);
	}
	return parsed!;
}

/**
 * Decodes character references and percent-escapes until nothing changes (so `&#37;6A`,
 * `&amp;#106;` and `%26%23106;` unfold too), then drops the control characters and spaces a URL
 * parser or an HTML attribute skips, and lowercases. Only ASCII matters here: anything above
 * U+FFFD becomes U+FFFD. Only the text before the first `/` or `?` can unfold into a scheme
 * (neither is part of any escape): the rest is never decoded, so a long path costs nothing.
 * Every round shortens the text; a hostile one that is still unfolding after 64 rounds gives
 * `undefined`.
 */
function unmask(text: string): string | undefined {
	text = /^[^/?]*/.exec(text)![0];
	for (let round = 0; round < 64; round++) {
		const last = text;
		text = text.replace(/&#(?:x([\da-f]+)|(\d+));?|%([\da-f]{2})|&(colon|tab|newline|amp|percnt|num);?/gi, (_, hex, decimal, byte, name) =>
			name ? (named[name.toLowerCase()] ?? ' ') : String.fromCodePoint(Math.min(parseInt(hex ?? byte ?? decimal, hex || byte ? 16 : 10), 0xfffd))
		);
		if (text === last) return text.replace(/[\0-\x20]/g, '').toLowerCase();
	}
}

/** The named character references that matter in a scheme (`&Tab;` and `&NewLine;` are spaces). */
const named: Record<string, string> = { colon: ':', amp: '&', percnt: '%', num: '#' };
