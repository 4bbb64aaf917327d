import { BROWSER } from 'esm-env';

/** What SvelteKit's router would know about the page under test; `renderPage` sets it. */
class RouteState {
	/** The page's URL; `null` until a page is rendered (then `location` stands in). */
	url = $state.raw<URL | null>(null);
	/** The route parameters. */
	params = $state.raw<Record<string, string>>({});
	/** The page's `data` (what its `load` functions returned). */
	data = $state.raw<Record<string, any>>({});
	/** The route id (`/blog/[slug]`), when the page was rendered by its route. */
	route = $state.raw<{ id: string | null }>({ id: null });
	/** The shallow-routing state (`pushState`, `replaceState`). */
	state = $state.raw<Record<string, unknown>>({});
	/** The error the error page shows (SvelteKit's nearest `+error.svelte`), or `null`. */
	error = $state.raw<{ error: any; status: number } | null>(null);
	/** SvelteKit's `page.form` and the `form` prop: written only by SvelteKit's `applyAction`
	 * (the kit's `$app/forms`), never by this library's, as in the app. */
	form = $state.raw<any>(null);
	/** SvelteKit's `page.status` of the page (not the error page's), the same way. */
	status = $state.raw(200);
}

/** The writable state; only the test kit writes it. */
export const routeState = new RouteState();

/** Forgets the rendered page's URL, params, data, route, state and error. */
export function resetRouteState(): void {
	routeState.url = null;
	routeState.params = {};
	routeState.data = {};
	routeState.route = { id: null };
	routeState.state = {};
	routeState.error = null;
	routeState.form = null;
	routeState.status = 200;
}

/**
 * SvelteKit's `page` (`$app/state`) in component tests: `url`, `params`, `data`, `route` and
 * `state` from `renderPage`, `form`, `status` and `error` as SvelteKit's `applyAction` left them
 * (this library's results reach them only through the app's `configure(sveltekit)`), all reactive.
 */
export const page = {
	get url(): URL {
		return routeState.url ?? new URL(BROWSER ? location.href : 'http://localhost/');
	},
	get params() {
		return routeState.params;
	},
	get data() {
		return routeState.data;
	},
	get form() {
		return routeState.form;
	},
	get status() {
		return routeState.error?.status ?? routeState.status;
	},
	get error() {
		return routeState.error?.error ?? null;
	},
	get route() {
		return routeState.route;
	},
	get state() {
		return routeState.state;
	}
};
