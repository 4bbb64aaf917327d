import type { Config, Transporter } from './types.js';
import { navigate } from './navigate.js';
import { runRefreshers } from './refresh.js';

const defaults: Config = {
	goto: navigate,
	invalidateAll: runRefreshers,
	isCurrentPage: (url) => url.origin === location.origin && url.pathname === location.pathname,
	fetch: (input, init) => fetch(input, init),
	transport: {},
	allowedOrigins: undefined,
	beforeNavigate: undefined
};

/** The options in force. Read at the moment they are used, so `configure` can come late. */
export const config: Config = { ...defaults };

/** devalue revivers built from `config.transport`, kept ready so `deserialize` does no work. */
export let revivers: Record<string, (value: any) => any> = {};

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
	if (options.transport) revivers = decoders(options.transport);
}

function decoders(transport: Record<string, Transporter>) {
	const result: Record<string, (value: any) => any> = {};
	for (const name in transport) result[name] = transport[name].decode;
	return result;
}

/** Puts every option back to its default. */
export function resetConfig(): void {
	configure(defaults);
}
