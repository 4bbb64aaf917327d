// `#app/state/client` for SvelteKit's remote-function client code in component tests (see ./client.ts).
export { page, navigating } from '../app/state.js';

/** SvelteKit checks its version header for new deployments: a test is never out of date. */
export function notify_version(version: string | null): void {
	void version;
}
