/**
 * The demo's pages in tour order: the header's links, the home page's list and each page's
 * "Next" link come from here, so a new page is one entry.
 */
export interface Stop {
	path: string;
	/** The header link: short, the header holds every one on a phone's single line. */
	label: string;
	/** The page's heading. */
	title: string;
	/** What the page demonstrates, in a few words. */
	shows: string;
}

export const tour: Stop[] = [
	{ path: '/', label: 'Home', title: 'svelte-form-actions', shows: 'a form that posts to another page’s actions' },
	{ path: '/login', label: 'Log in', title: 'Log in', shows: 'named actions, fail and redirect' },
	{ path: '/upload', label: 'Upload', title: 'Upload files', shows: 'a multipart form with upload progress' },
	{ path: '/draft', label: 'Draft', title: 'Write a post', shows: 'drafts that survive a reload, and a guard before leaving' },
	{ path: '/slow', label: 'Slow', title: 'Slow action', shows: 'pending state and cancel' },
	{ path: '/error', label: 'Error', title: 'Failing action', shows: 'an error shown beside the form' },
	{ path: '/counter', label: 'Counter', title: 'Counter', shows: 'loaded data refreshed after a success' }
];

/** `pathname` without the `/kit` prefix of the differential tests' twin pages. */
export function tourPath(pathname: string): string {
	return pathname.replace(/^\/kit(?=\/|$)/, '') || '/';
}

/** The stop after the one at `pathname` (the last leads back home), if the page is on the tour. */
export function nextStop(pathname: string): Stop | undefined {
	const here = tour.findIndex((stop) => stop.path === tourPath(pathname));
	return here === -1 ? undefined : tour[(here + 1) % tour.length];
}
