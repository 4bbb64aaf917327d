import { BROWSER, DEV } from 'esm-env';
import type { Config, Transporter } from './types.js';
import { navigate } from './navigate.js';
import { clearPage } from './page.svelte.js';
import { runRefreshers } from './refresh.js';

const defaults: Config = {
	goto: navigate,
	invalidateAll: runRefreshers,
	isCurrentPage: (url) => url.origin === location.origin && url.pathname === location.pathname,
	fetch: (input, init) => fetch(input, init),
	transport: {},
	allowedOrigins: undefined
};

/** The options in force. Read at the moment they are used, so `configure` can come late. */
export const config: Config = { ...defaults };

/** devalue revivers built from `config.transport`, kept ready so `deserialize` does no work. */
export let revivers: Record<string, (value: any) => any> = {};

/**
 * Merges `options` into the current configuration; for each option, the later call wins.
 *
 * ```js
 * // Inside SvelteKit, once, at the top level of the root +layout.svelte script, with
 * // `sveltekit` from the package's `/sveltekit` entry:
 * configure(sveltekit);
 * ```
 */
export function configure(options: Partial<Config>): void {
	Object.assign(config, options);
	if (options.transport) {
		revivers = decoders(options.transport);
		// The transport given last decides how `data` decodes.
		if (!('decode' in options)) config.decode = undefined;
	}
	const afterNavigate = options.afterNavigate;
	if (BROWSER && afterNavigate) {
		if (!DEV) afterNavigate(clearPage);
		else {
			try {
				afterNavigate(clearPage);
			} catch (error) {
				throw new Error(
					'configure() registers its afterNavigate while a component initialises: call configure(sveltekit) ' +
						'at the top level of the root +layout.svelte script, not in onMount, $effect or a handler.',
					{ cause: error }
				);
			}
		}
	}
}

function decoders(transport: Record<string, Transporter>) {
	const result: Record<string, (value: any) => any> = {};
	for (const name in transport) result[name] = transport[name].decode;
	return result;
}

/** Puts every option back to its default, and removes the others (`configure(sveltekit)`'s too). */
export function resetConfig(): void {
	for (const name in config) delete config[name as keyof Config];
	configure(defaults);
}
