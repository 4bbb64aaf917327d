import { BROWSER } from 'esm-env';
import { onInvalidate } from './refresh.js';

/**
 * Data loaded by `load`, re-loaded by `invalidateAll()` (so after every successful submission).
 * Created while a component initialises, it stops refreshing when the component is destroyed.
 *
 * ```svelte
 * <script>
 *   const todos = resource(() => fetch('/api/todos').then((r) => r.json()), []);
 * </script>
 * {#each todos.current as todo}<li>{todo.text}</li>{/each}
 * ```
 */
export class Resource<T> {
	/** The latest loaded value (the initial one until the first load ends). */
	current = $state.raw<T>() as T;
	/** Whether a load is under way. */
	loading = $state.raw(false);
	/** The error of the latest load, if it failed. */
	error = $state.raw<unknown>();
	#load: () => T | Promise<T>;
	#latest = 0;

	constructor(load: () => T | Promise<T>, initial?: T) {
		this.#load = load;
		this.current = initial as T;
		onInvalidate(this.refresh);
		// Loading is the browser's job: on a server the initial value is rendered.
		if (BROWSER) this.refresh().catch(() => {});
	}

	/** Loads again; when loads overlap, the newest one wins. Rejects when the load fails. */
	refresh = async (): Promise<void> => {
		const run = ++this.#latest;
		this.loading = true;
		try {
			const value = await this.#load();
			if (run === this.#latest) [this.current, this.error] = [value, undefined];
		} catch (error) {
			if (run === this.#latest) this.error = error;
			throw error;
		} finally {
			if (run === this.#latest) this.loading = false;
		}
	};
}

/** Creates a `Resource`: `load`ed now (in the browser) and again by every `invalidateAll()`. */
export function resource<T>(load: () => T | Promise<T>, initial?: T): Resource<T> {
	return new Resource(load, initial);
}
