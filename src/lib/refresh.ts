type Refresher = () => unknown;

const refreshers = new Set<Refresher>();

/**
 * Registers `refresh` to be re-run by `invalidateAll()` (the default one). Returns a function
 * that unregisters it.
 */
export function onInvalidate(refresh: Refresher): () => void {
	refreshers.add(refresh);
	return () => refreshers.delete(refresh);
}

/** Re-runs every registered refresher; resolves when all are done. */
export async function runRefreshers(): Promise<void> {
	const results = await Promise.allSettled([...refreshers].map(async (refresh) => refresh()));
	for (const result of results) {
		// A broken refresher must not stop the result from being applied: report it and go on.
		if (result.status === 'rejected') console.error('invalidateAll: a refresher failed', result.reason);
	}
}

/** Forgets every registered refresher. */
export function clearRefreshers(): void {
	refreshers.clear();
}
