/**
 * Whether `url` is the page this document shows, the one rule for "same page": same origin and
 * pathname, as SvelteKit 2 decides whether an action's result belongs to the page; with
 * `query`, also the same query parameters in any order, as SvelteKit 3 decides it for the
 * page a result names (so `/list?page=2` is not `/list`).
 */
export function isSamePage(url: URL, query = false): boolean {
	const current = new URL(location.href);
	return url.origin === current.origin && url.pathname === current.pathname && (!query || params(url) === params(current));
}

function params(url: URL): string {
	return [...url.searchParams]
		.map((pair) => JSON.stringify(pair))
		.sort()
		.join();
}
