import { DEV } from 'esm-env';

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
 * A location too hostile to unfold cheaply (see `unmask`) is refused as over-encoded.
 */
export function target(url: string | URL): URL {
	const text = String(url);
	let parsed: URL | undefined;
	try {
		parsed = new URL(text, location.href);
	} catch {}
	const unmasked = unmask(text);
	let kind = unmasked ? unmasked.map((text) => /^(javascript|data|vbscript):/.exec(text)?.[0]).find(Boolean) : 'an over-encoded';
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
 * Every text the location can decode to, by character references and percent-escapes applied
 * any number of times in any order (so `&#37;6A`, `&amp;#106;` and `%26%23106;` unfold too),
 * with the control characters and spaces a URL parser or an HTML attribute skips dropped, and
 * lowercased. Only ASCII matters here: anything above U+FFFD becomes U+FFFD.
 *
 * The order matters where a reference has no semicolon (`&#1%314;` is `&#114;` once the escape is
 * decoded first, U+0001 `14;` the other way; `&#x6a%61` the reverse), and layers come in any
 * order: so every order is tried (each pass shortens the text or changes nothing, and equal texts
 * are tried once). Only the text before the first `/` or `?` can unfold into a scheme (neither is
 * part of any escape), so a long path costs nothing. A hostile prefix (over 4,096 characters, or
 * more than 256 texts to try) gives `undefined`.
 */
function unmask(text: string): string[] | undefined {
	const texts = new Set([/^[^/?]*/.exec(text)![0]]);
	// A Set iterates over what is added while it iterates: a breadth-first search.
	for (const text of texts) {
		if (text.length > 4096 || texts.size > 256) return;
		for (const pass of passes) texts.add(text.replace(pass, decode));
	}
	return [...texts].map((text) => text.replace(/[\0-\x20]/g, '').toLowerCase());
}

const passes = [
	/%[\da-f]{2}/gi,
	// Character references as an HTML attribute decodes them: numeric ones with or without
	// semicolon, named ones with it (`&amp` without one too); a looser pattern would eat `&Tab` of
	// `&Tab&#59;`.
	/&#(?:x[\da-f]+|\d+);?|&(?:colon|tab|newline|amp|percnt|num);|&amp/gi,
	// As a decoder that wants every reference whole: a layer that encoded the semicolon of
	// `&amp;` or `&#106;` (`&amp&#59;`) leaves it for such a decoder to finish after `&#59;`.
	/&#(?:x[\da-f]+|\d+);|&(?:colon|tab|newline|amp|percnt|num);/gi
];

/** The named character references that matter in a scheme (`&Tab;` and `&NewLine;` are spaces). */
const named: Record<string, string> = { colon: ':', amp: '&', percnt: '%', num: '#' };

/** The character a percent-escape or character reference stands for. */
function decode(token: string): string {
	if (token[0] !== '&') return String.fromCharCode(parseInt(token.slice(1), 16));
	if (token[1] !== '#') return named[token.replace(/[&;]/g, '').toLowerCase()] ?? ' ';
	const hex = /x/i.test(token[2]);
	return String.fromCodePoint(Math.min(parseInt(token.slice(hex ? 3 : 2), hex ? 16 : 10), 0xfffd));
}
