/** `+page`, `+layout` or `+error`, and for a page or layout the directory named after `@`. */
const routeFileName = /^\+(page|layout|error)(?:@([^/]*))?\.svelte$/;

/** A route file: its path, and for `+page@name.svelte` or `+layout@name.svelte`, `name`. */
export interface RouteFile {
	file: string;
	/** The directory whose layout comes next (`''` is the root); absent: the parent's. */
	reset?: string;
}

/** One directory of a rendered route: its layout and error page, if it has them. */
export interface ChainLevel {
	/** The route id of the directory (`/`, `/blog`, `/(app)/admin`). */
	id: string;
	layout?: string;
	error?: string;
}

/** The page of a route and, from the root down, the directories whose layouts wrap it. */
export interface RouteChain {
	page: RouteFile;
	levels: ChainLevel[];
}

/** `/blog/[slug]/`, `blog/[slug]` → `/blog/[slug]`. */
export function routeId(route: string): string {
	return `/${route.split('/').filter(Boolean).join('/')}`;
}

/**
 * Chooses what SvelteKit renders for route `id`, given every route file (paths under `dir`):
 * its page, and the layouts and error pages of the directories from the root down to it.
 * Without a reset, that is every directory. `+page@name.svelte` (or `+layout@name.svelte`)
 * skips the directories up to the nearest one above called `name` (`@` alone: the root), and
 * with them their error pages; that directory's layout may reset again. Returns `undefined`
 * when the route has no page.
 */
export function routeChain(files: string[], dir: string, id: string): RouteChain | undefined {
	const page = component(id, 'page');
	if (!page) return;
	const segments = id.split('/').filter(Boolean);
	// From the page's directory up to the root, as SvelteKit walks them.
	const upwards = [...segments.keys(), segments.length].map((depth) => routeId(segments.slice(0, depth).join('/'))).reverse();
	const levels: ChainLevel[] = [];
	let target = page.reset;
	let resetBy = page.file;
	for (const levelId of upwards) {
		if (target !== undefined && levelId.slice(levelId.lastIndexOf('/') + 1) !== target) continue;
		const layout = component(levelId, 'layout');
		levels.unshift({ id: levelId, layout: layout?.file, error: component(levelId, 'error')?.file });
		// A directory without a +layout.svelte hands on to its parent.
		target = layout?.reset;
		if (layout) resetBy = layout.file;
	}
	if (target !== undefined) {
		throw new Error(
			`renderPage('${id}'): ${resetBy} names the layout of a directory "${target}", but no directory above it is called that ` +
				'(SvelteKit refuses it too: "references missing segment"). Rename the file or the directory.'
		);
	}
	return { page, levels };

	/** The `kind` component of directory `levelId`: at most one, as SvelteKit requires. */
	function component(levelId: string, kind: string): RouteFile | undefined {
		const base = `${dir}${levelId === '/' ? '' : levelId}/`;
		const found: RouteFile[] = [];
		for (const file of files) {
			const name = file.startsWith(base) ? routeFileName.exec(file.slice(base.length)) : null;
			if (name?.[1] === kind) found.push({ file, reset: name[2] });
		}
		if (found.length > 1) {
			throw new Error(
				`renderPage('${id}'): ${base} has ${found.length} ${kind} components (${found.map(({ file }) => file.slice(base.length)).join(', ')}); ` +
					'SvelteKit allows one per directory: keep one.'
			);
		}
		return found[0];
	}
}
