import { getAllContexts, onDestroy } from 'svelte';

type Refresher = () => unknown;

const refreshers = new Set<Refresher>();

/**
 * Registers `refresh` to be re-run by the default `invalidateAll()`. Returns a function that
 * unregisters it. Called while a component initialises, the registration ends with that
 * component.
 */
export function onInvalidate(refresh: Refresher): () => void {
	refreshers.add(refresh);
	const unregister = () => void refreshers.delete(refresh);
	if (initialisingComponent()) onDestroy(unregister);
	return unregister;
}

/** Re-runs every registered refresher; resolves when all are done. */
export async function runRefreshers(): Promise<void> {
	await Promise.all(
		[...refreshers].map(async (refresh) => {
			try {
				await refresh();
			} catch (error) {
				// A broken refresher must not stop the result from being applied: report it and go on.
				console.error('invalidateAll: a refresher failed', error);
			}
		})
	);
}

/** Forgets every registered refresher. */
export function clearRefreshers(): void {
	refreshers.clear();
}

/** Svelte has no "am I in a component?" question; its lifecycle functions throw outside one. */
function initialisingComponent(): boolean {
	try {
		getAllContexts();
		return true;
	} catch {
		return false;
	}
}
