import { config, navigate } from '../config.js';
import { isSamePage } from './same-page.js';

/** Action paths already warned about: once each per page load is enough to be seen. */
const warned = new Set<string>();

/**
 * Development only. A success or failure whose action is on another path is not applied to
 * `page`, as in SvelteKit; outside SvelteKit that is usually an API endpoint whose results the
 * page expects to see, and nothing else tells the developer why the page does not change.
 * Quiet once the app decided (`isCurrentPage` set) or SvelteKit's router is wired (`goto` set).
 */
export function warnNotApplied(type: string, action: URL): void {
	if (config.isCurrentPage !== isSamePage || config.goto !== navigate || warned.has(action.pathname)) return;
	warned.add(action.pathname);
	console.warn(
		`svelte-form-actions: the ${type} from ${action.pathname} was not applied to page.form, because that action is ` +
			`not on this page (${location.pathname}). If this page shows its results, say so with ` +
			`configure({ isCurrentPage: (url) => url.pathname === '${action.pathname}' }) or a wider rule ` +
			`(url.pathname.startsWith('/api/')).`
	);
}
