import { resolve } from './app/paths.js';

/** `[name]`, `[[name]]` or `[...name]`, with an optional matcher (`[id=integer]`). */
const parameter = /^(\[)?(\.\.\.)?(\w+)(?:=\w+)?\]?$/;

/** A route id's parameters, in order, and the pattern of the paths it serves. */
interface RoutePattern {
	names: { name: string; rest: boolean }[];
	pattern: RegExp;
}

/**
 * The pattern SvelteKit matches paths against for route `id`: groups serve no segment, an
 * `[[optional]]` segment or a `[...rest]` may be absent, `[x+2f]` and `[u+00e9]` are characters.
 */
function routePattern(id: string): RoutePattern {
	const names: RoutePattern['names'] = [];
	const source = id
		.split('/')
		.filter((segment) => segment && !/^\(.+\)$/.test(segment))
		.map((segment) => {
			// A whole optional or rest segment may be absent, slash included.
			const whole = /^\[(\[)?(\.\.\.)?(\w+)(?:=\w+)?\]\]?$/.exec(segment);
			if (whole?.[1] || whole?.[2]) {
				names.push({ name: whole[3], rest: Boolean(whole[2]) });
				return whole[2] ? '(?:/([^]*))?' : '(?:/([^/]+))?';
			}
			const parts = segment.split(/\[(.+?)\](?!\])/);
			return `/${parts
				.map((part, i) => {
					if (i % 2 === 0) return escape(part);
					const character = /^([xu])\+([0-9a-f-]+)$/.exec(part);
					if (character) return escape(String.fromCodePoint(...character[2].split('-').map((code) => parseInt(code, 16))));
					const [, optional, rest, name] = parameter.exec(part) ?? [];
					names.push({ name, rest: Boolean(rest) });
					return rest ? '([^]*?)' : optional ? '([^/]*)?' : '([^/]+?)';
				})
				.join('')}`;
		})
		.join('');
	return { names, pattern: new RegExp(`^${source}/?$`) };
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The URL and `params` of route `id`, from what a test gives: the URL from the parameters
 * (`/blog/[slug]`, `{ slug: 'hello' }`: `/blog/hello`), the parameters SvelteKit would read
 * from the URL, or both as given.
 */
export function routeAddress(id: string, given: { url?: string | URL; params?: Record<string, string> }) {
	const url = new URL(given.url ?? path(), location.href);
	const found = routeParams(id, url.pathname);
	if (!found && !given.params && routePattern(id).names.length > 0) {
		throw new Error(
			`renderPage('${id}'): the url ${url.pathname} is not one of this route's, so its parameters are unknown: give them in params, or a url the route serves.`
		);
	}
	// SvelteKit's params for the URL (an absent rest parameter is ''), unless the test says otherwise.
	return { url, params: { ...found, ...given.params } };

	function path() {
		try {
			return resolve(id, given.params);
		} catch (error) {
			throw new Error(`renderPage('${id}'): give the route's parameters in params, or its url (${(error as Error).message}).`);
		}
	}
}

/**
 * The `params` SvelteKit gives route `id` at `pathname` (`/blog/[slug]` at `/blog/hello`:
 * `{ slug: 'hello' }`; an absent rest parameter is `''`, an absent optional one is left out), or
 * `undefined` when the route does not serve that path. Matchers are not run: the route is known.
 */
export function routeParams(id: string, pathname: string): Record<string, string> | undefined {
	const { names, pattern } = routePattern(id);
	// As SvelteKit decodes a path: `%25` stays, so that a value's `%` is decoded once, below.
	const match = pattern.exec(pathname.split('%25').map(decodeURI).join('%25'));
	if (!match) return;
	const params: Record<string, string> = {};
	names.forEach(({ name, rest }, i) => {
		const value = match[i + 1];
		if (value !== undefined || rest) params[name] = decodeURIComponent(value ?? '');
	});
	return params;
}
