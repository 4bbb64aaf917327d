import type { Config } from './types.js';
import { navigate } from './navigate.js';
import { runRefreshers } from './refresh.js';
import { setTransport } from './transport.js';

/** The default `isCurrentPage`: SvelteKit's rule, the action is on this document's path. */
export const isSamePage: Config['isCurrentPage'] = (url) => url.origin === location.origin && url.pathname === location.pathname;

const defaults: Config = {
	goto: navigate,
	invalidateAll: runRefreshers,
	isCurrentPage: isSamePage,
	fetch: (input, init) => fetch(input, init),
	transport: {},
	allowedOrigins: undefined,
	beforeNavigate: undefined
};

/** The options in force. Read at the moment they are used, so `configure` can come late. */
export const config: Config = { ...defaults };

/**
 * Merges `options` into the current configuration.
 *
 * ```js
 * // Inside SvelteKit: let its router navigate and reload (both from `$app/navigation`).
 * configure({ goto, invalidateAll });
 * ```
 */
export function configure(options: Partial<Config>): void {
	Object.assign(config, options);
	// Kept in the shared registry, which the server entry's encoder reads too.
	if (options.transport) setTransport(options.transport);
}

/** Puts every option back to its default. */
export function resetConfig(): void {
	configure(defaults);
}
