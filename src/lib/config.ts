import { BROWSER, DEV } from 'esm-env';
import type { Config } from './types.js';
import { isSamePage } from './result/same-page.js';
import { target } from './result/target.js';
import { clearPage } from './page.svelte.js';
import { runRefreshers } from './refresh/refresh.js';
import { setDecode, setTransport } from './wire/transport.js';

/**
 * The default `goto`: a full navigation, as a native form submission would make, but only to
 * http(s) URLs (see `target`).
 */
export function navigate(url: string | URL): void | Promise<void> {
	if (!BROWSER) throw new Error('goto() can only be called in the browser');
	return config.leave(target(url).href);
}

const defaults: Config = {
	goto: navigate,
	leave: (href) => location.assign(href),
	invalidateAll: runRefreshers,
	// SvelteKit's rule: the action is on this document's path.
	isCurrentPage: isSamePage,
	fetch: (input, init) => fetch(input, init),
	transport: {},
	allowedOrigins: undefined,
	beforeNavigate: undefined
};

/** The options in force. Read at the moment they are used, so `configure` can come late. */
export const config: Config = { ...defaults };

/**
 * Merges `options` into the current configuration; for each option, the later call wins, and
 * `undefined` puts it back to its default.
 *
 * ```js
 * // Inside SvelteKit, once, at the top level of the root +layout.svelte script, with
 * // `sveltekit` from the package's `/sveltekit` entry:
 * configure(sveltekit);
 * ```
 */
export function configure(options: Partial<Config>): void {
	if (DEV && options.allowedOrigins) assertOrigins(options.allowedOrigins);
	// An option given as `undefined` goes back to its default (a conditional `goto: cond ? f : undefined`).
	for (const key of Object.keys(options) as (keyof Config)[]) (config as any)[key] = options[key] ?? defaults[key];
	// Kept in the shared registry, which the server entry's encoder reads too.
	if ('transport' in options) setTransport(config.transport);
	// Whichever of `decode` and `transport` was configured last decides how `data` decodes; kept
	// in the registry too, so that `deserialize` does not import this module (and navigation).
	if ('transport' in options || 'decode' in options) setDecode((config.decode = 'decode' in options ? config.decode : undefined));
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

/**
 * Redirects are compared by origin: an entry that is no http(s) URL (`auth.example.com`) would
 * make every redirect to another origin fail with a bare "Invalid URL", far from the mistake.
 */
function assertOrigins(origins: readonly string[]) {
	for (const origin of origins) {
		let protocol = '';
		try {
			protocol = new URL(origin).protocol;
		} catch {}
		if (protocol !== 'http:' && protocol !== 'https:') {
			throw new Error(`configure({ allowedOrigins }) takes http(s) origins such as 'https://auth.example.com', not ${JSON.stringify(origin)}.`);
		}
	}
}

/** Puts every option back to its default, and removes the others (`configure(sveltekit)`'s too). */
export function resetConfig(): void {
	for (const name in config) delete config[name as keyof Config];
	configure(defaults);
}
