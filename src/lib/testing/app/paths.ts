// `$app/paths` in component tests (see the `svelteKitTesting` Vite plugin): the app as served
// from the root, as by default in SvelteKit (`paths.base` and `paths.assets` empty).

/** `paths.base`: empty, the app is at the root. */
export const base = '';
/** `paths.assets`: empty, assets are served from the app's origin. */
export const assets = '';

/** The URL of a file of `static/`. */
export function asset(file: string): string {
	return file;
}

/**
 * A route id with its parameters filled in, as SvelteKit's `resolve` does:
 * `resolve('/blog/[slug]', { slug: 'hello' })` is `/blog/hello`; groups `(name)` are dropped.
 */
export function resolve(route: string, params: Record<string, string | undefined> = {}): string {
	const path = route
		.split('/')
		.filter((segment) => !/^\(.+\)$/.test(segment))
		.map((segment) =>
			segment.replace(/\[(\[)?(\.\.\.)?(\w+)(?:=\w+)?\]?\]/g, (_, optional, rest, name) => {
				const value = params[name];
				if (value === undefined && !optional && !rest) throw new Error(`resolve('${route}'): missing parameter '${name}'`);
				return value ?? '';
			})
		)
		.join('/')
		.replace(/\/{2,}/g, '/');
	return path.length > 1 ? path.replace(/\/$/, '') : '/';
}

/** The former name of `resolve`. */
export const resolveRoute = resolve;
