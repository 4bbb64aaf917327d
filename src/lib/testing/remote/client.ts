// What SvelteKit's remote-function client code (`@sveltejs/kit/src/runtime/client/remote-functions`)
// imports from SvelteKit's client (`../client.js`), for component tests: the `svelteKitTesting()`
// Vite plugin points those imports here. SvelteKit's own client code does all the work (fields,
// preflight, enhance, batching, caches, single-flight updates); this is only what its started
// client would have given it: the caches, the transport, the router and the error page.
import { routeState } from '../app/page.svelte.js';
import { routerGoto } from '../router.js';
import { invalidateAll } from '../../result/navigation.js';

type CacheEntry = { resource: { refresh(): Promise<unknown>; destroy?(): void }; cleanup?: () => void };

/** SvelteKit's `app`: the transport's encoders and decoders (the app's `transport` hook). */
export { app } from './transport.js';

/** Query instances by function id, then payload (SvelteKit's `query_map`). */
export const query_map = new Map<string, Map<string, CacheEntry>>();
/** `query.live` instances, the same way. */
export const live_query_map = new Map<string, Map<string, CacheEntry>>();
/** Values serialized by server rendering: none in a component test, unless a test adds some. */
export const query_responses: Record<string, unknown> = {};
/** Prerendered values, the same way. */
export const prerender_responses: Record<string, unknown> = {};

/**
 * SvelteKit's internal `goto` (a redirect from a remote function; other origins allowed): the
 * test kit's router, which records the navigation and leaves the document only on paper.
 */
export async function _goto(url: string | URL, options: { refreshAll?: boolean } = {}): Promise<void> {
	await routerGoto(url, { invalidateAll: options.refreshAll });
}

/** `refreshAll()`: every active query fetched again, and the page's `load` run again. */
export async function refreshAll(): Promise<void> {
	const refreshes = [...query_map.values()].flatMap((entries) => [...entries.values()].map(({ resource }) => resource.refresh()));
	await Promise.all([...refreshes, invalidateAll()]);
}

/**
 * What the client makes of an error (SvelteKit's `handle_error` without a `handleError` hook): an
 * `error()`'s body as it is, any other error SvelteKit's generic `{ status: 500, message: 'Internal Error' }`.
 */
export async function handle_error(error: unknown, event?: unknown): Promise<Record<string, unknown>> {
	void event;
	if (isHttpError(error)) return error.body;
	// SvelteKit's own errors (a 404 of the framework, say) carry their status and text.
	if (error instanceof Error && typeof (error as any).status === 'number' && typeof (error as any).text === 'string') {
		return { status: (error as any).status, message: (error as any).text };
	}
	return { status: 500, message: 'Internal Error' };
}

/** The error page shows `error`, as SvelteKit's nearest `+error.svelte` does. */
export async function set_nearest_error_page(error: Record<string, unknown>): Promise<void> {
	routeState.error = { error, status: typeof error.status === 'number' ? error.status : 500 };
}

/** Forgets every cached query (between tests: SvelteKit evicts them only when collected). */
export function resetRemoteState(): void {
	for (const map of [query_map, live_query_map]) {
		for (const entries of map.values()) {
			for (const entry of entries.values()) {
				// A live query's stream is closed first, as SvelteKit's cache does when it evicts one.
				if (map === live_query_map) entry.resource.destroy?.();
				entry.cleanup?.();
			}
		}
		map.clear();
	}
	for (const responses of [query_responses, prerender_responses]) for (const key of Object.keys(responses)) delete responses[key];
}

/** SvelteKit's `HttpError` (and `HandledHttpError`): a `status` and a `body`, not an `Error`. */
function isHttpError(error: unknown): error is { status: number; body: Record<string, unknown> } {
	return typeof error === 'object' && error !== null && !(error instanceof Error) && typeof (error as any).status === 'number' && typeof (error as any).body === 'object';
}
