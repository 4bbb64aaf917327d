/**
 * SvelteKit's choice between the JSON result and the page: JSON when the `accept` header ranks
 * `application/json` at least as high as `text/html` (`enhance` sends `accept: application/json`;
 * a browser's native POST prefers HTML; a request without `accept` gets JSON). The header is read
 * as SvelteKit's `negotiate` reads it, so that both answer alike: `q` counts only as a range's
 * first parameter (`text/html;level=1;q=0.5` is `q=1`), and from its leading digits and dots.
 */
export function prefersJSON(request: Request): boolean {
	const ranges = (request.headers.get('accept') ?? '*/*').split(',').flatMap((part, index) => {
		const parsed = /^[ \t]*([^/ \t]+)\/([^; \t]+)[ \t]*(?:;[ \t]*q=([\d.]+))?/.exec(part);
		if (!parsed) return [];
		const [, type, subtype, q = '1'] = parsed;
		return [{ type, subtype, q: Number(q), index }];
	});
	// Higher q first; then a range with a concrete subtype, then one with a concrete type; then
	// header order. Different q values are compared by subtraction alone, as SvelteKit does: a q
	// that is not a number (`q=1.2.3`, `q=.`) gives NaN, which `sort` takes as "equal", with no
	// tie-break, so the order such ranges end in is the one SvelteKit's sort leaves them in.
	ranges.sort((a, b) =>
		a.q !== b.q ? b.q - a.q : wild(a.subtype) - wild(b.subtype) || wild(a.type) - wild(b.type) || a.index - b.index
	);
	const rank = (type: string, subtype: string) =>
		ranges.findIndex((range) => [type, '*'].includes(range.type) && [subtype, '*'].includes(range.subtype));
	const json = rank('application', 'json');
	const html = rank('text', 'html');
	return json !== -1 && (html === -1 || json <= html);
}

function wild(part: string): number {
	return part === '*' ? 1 : 0;
}
