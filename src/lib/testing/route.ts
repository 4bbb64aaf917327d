import type { Component } from 'svelte';
import { routes } from './routes.js';

/** One directory of a route, from the root: its layout and error page, if it has them. */
export interface Level {
	/** The route id of the directory (`/`, `/blog`, `/(app)/admin`). */
	id: string;
	layout?: Component<any>;
	error?: Component<any>;
}

/** A route's page and, from the root down, the directories above it. */
export interface LoadedRoute {
	id: string;
	page: Component<any>;
	levels: Level[];
}

/** `/blog/[slug]/`, `blog/[slug]` → `/blog/[slug]`. */
export function routeId(route: string): string {
	return `/${route.split('/').filter(Boolean).join('/')}`;
}

/**
 * Loads the `+page.svelte` of `route` (a route id: a path under `src/routes`, such as `/login`
 * or `/blog/[slug]`), and the `+layout.svelte` and `+error.svelte` of every directory from the
 * root down to it.
 */
export async function loadRoute(route: string): Promise<LoadedRoute> {
	if (!routes) {
		throw new Error(
			`renderPage('${route}') finds the route's files with the svelteKitTesting() Vite plugin: add it to the ` +
				"plugins of your Vite config (import { svelteKitTesting } from 'svelte-form-actions/vite')."
		);
	}
	const id = routeId(route);
	const segments = id.split('/').filter(Boolean);
	const { dir, files } = routes;
	const pageFile = `${dir}${id === '/' ? '' : id}/+page.svelte`;
	if (!files[pageFile]) {
		const known = Object.keys(files)
			.filter((file) => file.endsWith('/+page.svelte'))
			.map((file) => routeId(file.slice(dir.length, -'/+page.svelte'.length)));
		throw new Error(`renderPage('${route}'): there is no ${pageFile}. Routes with a page: ${known.join(', ') || 'none'}.`);
	}
	// One level per directory from the root down to the page's own (inclusive).
	const levels = await Promise.all(
		[...segments.keys(), segments.length].map(async (depth) => {
			const levelId = routeId(segments.slice(0, depth).join('/'));
			const base = `${dir}${levelId === '/' ? '' : levelId}`;
			return { id: levelId, layout: await component(`${base}/+layout.svelte`), error: await component(`${base}/+error.svelte`) };
		})
	);
	return { id, page: (await files[pageFile]()).default, levels };

	async function component(file: string): Promise<Component<any> | undefined> {
		return files[file] && (await files[file]()).default;
	}
}
