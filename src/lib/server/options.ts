/**
 * `formActions`' options, checked when the handler is made: a mistake here must fail at start-up,
 * not turn into a hole at request time (a string `trustedOrigins` was once searched with
 * `String.prototype.includes`, so `https://app.example.co` passed for `https://app.example.com`).
 */

/** adapter-node's default `BODY_SIZE_LIMIT` (512K). */
export const DEFAULT_BODY_SIZE_LIMIT = 512 * 1024;

const EXAMPLE = "['https://app.example.com']";

/**
 * `value`, checked to be a list of origins as the browser writes them in `Origin`, or `'*'`
 * (every origin). `option` names the option in the error.
 */
export function originList(option: string, value: unknown): readonly string[] {
	if (!Array.isArray(value)) {
		throw new Error(`formActions: \`${option}\` must be an array of origins such as ${EXAMPLE} — got ${describe(value)}.` + wrapHint(value));
	}
	for (const entry of value) checkOrigin(option, entry);
	return value;
}

/** The body size limit in bytes: a non-negative number, `Infinity` for none. */
export function bodySizeLimit(value: unknown): number {
	if (value === undefined) return DEFAULT_BODY_SIZE_LIMIT;
	if (typeof value === 'number' && value >= 0) return value;
	throw new Error(
		`formActions: \`bodySizeLimit\` must be a number of bytes (such as 16 * 1024 * 1024), or Infinity for no limit — got ${describe(value)}.`
	);
}

/** Refuses an entry no browser's `Origin` header can ever equal, or one that trusts too much. */
function checkOrigin(option: string, entry: unknown): void {
	if (entry === '*') return;
	const refuse = (why: string) => {
		const shown = typeof entry === 'string' ? JSON.stringify(entry.slice(0, 80)) : describe(entry);
		throw new Error(`formActions: \`${option}\` lists ${shown}, which ${why}`);
	};
	if (typeof entry !== 'string') refuse(`is not a string: write origins such as ${EXAMPLE}.`);
	const origin = entry as string;
	if (origin === 'null') {
		// Sandboxed iframes, `data:` and `file:` pages and some redirects all send `Origin: null`:
		// trusting it trusts every site that can make one of those.
		refuse("is the origin of sandboxed and opaque pages, which any site can produce: list the real origins that post here.");
	}
	if (origin.includes('*')) refuse("is a wildcard, which never matches: list each origin, or write '*' alone to trust every one.");
	let url: URL | undefined;
	try {
		url = new URL(origin);
	} catch {}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		refuse('is not an origin: forms post from http(s) pages. Write an http(s) origin instead, such as "https://app.example.com".');
	}
	// `URL.origin` is what a browser sends: scheme and host in lower case, no default port, no path.
	if (url!.origin !== origin) {
		refuse(`is not an origin as the browser sends it in \`Origin\` (scheme, host and port; no path, no trailing slash, lower case). Write "${url!.origin}" instead.`);
	}
}

/** What was given, for an error message (at most 80 characters of it). */
function describe(value: unknown): string {
	if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value)}`;
	if (value === null) return 'null';
	if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
	return `${typeof value} ${String(value)}`;
}

function wrapHint(value: unknown): string {
	return typeof value === 'string' ? ` Write [${JSON.stringify(value)}].` : '';
}
