import type { Component } from 'svelte';
import { routeChain, routeId } from './route-chain.js';
import { routeParams } from './route-params.js';
import { routes } from './routes.js';

/** One directory of a route, from the root: its layout and error page, if it has them. */
export interface Level {
	/** The route id of the directory (`/`, `/blog`, `/(app)/admin`). */
	id: string;
	layout?: Component<any>;
	error?: Component<any>;
}

/** A route's page and, from the root down, the directories whose layouts wrap it. */
export interface LoadedRoute {
	id: string;
	page: Component<any>;
	levels: Level[];
}

/**
 * Loads the page of `route` (a route id: a path under `src/routes`, such as `/login` or
 * `/blog/[slug]`), and the `+layout.svelte` and `+error.svelte` files SvelteKit would render
 * with it: those of every directory from the root down to it, less those a `+page@…` or
 * `+layout@…` skips.
 */
export async function loadRoute(route: string): Promise<LoadedRoute> {
	if (!routes) {
		throw new Error(
			`renderPage('${route}') finds the route's files with the svelteKitTesting() Vite plugin: add it to the ` +
				"plugins of your Vite config (import { svelteKitTesting } from 'svelte-form-actions/vite')."
		);
	}
	const id = routeId(route);
	const { dir, files } = routes;
	const chain = routeChain(Object.keys(files), dir, id);
	if (!chain) {
		const known = Object.keys(files)
			.filter((file) => /\/\+page(@[^/]*)?\.svelte$/.test(file))
			.map((file) => routeId(file.slice(dir.length, file.lastIndexOf('/'))));
		// A URL path, or a route id without its groups: the routes that serve it.
		const serving = known.filter((other) => servesPath(other, id));
		const hint = serving.length ? ` ${id} is served by ${serving.join(', ')}: name a route by its directory, groups included, and give a path as url.` : '';
		throw new Error(`renderPage('${route}'): there is no ${dir}${id === '/' ? '' : id}/+page.svelte.${hint} Routes with a page: ${known.join(', ') || 'none'}.`);
	}
	const levels = await Promise.all(
		chain.levels.map(async (level) => ({ id: level.id, layout: await component(level.layout), error: await component(level.error) }))
	);
	return { id, page: (await files[chain.page.file]()).default, levels };

	function servesPath(other: string, path: string): boolean {
		try {
			return routeParams(other, path) !== undefined;
		} catch {
			// Not a path (a malformed `%` escape).
			return false;
		}
	}

	async function component(file: string | undefined): Promise<Component<any> | undefined> {
		return file ? (await files[file]()).default : undefined;
	}
}
