// The navigation lifecycle of `$app/navigation` in component tests: callbacks registered by
// mounted components, run by `renderPage`'s router (its `goto`, and once after mounting).
import { onMount } from 'svelte';

/** One side of a navigation, as SvelteKit describes it. */
export interface NavigationTarget {
	url: URL;
	/** `null` for another origin's page, as in SvelteKit. */
	params: Record<string, string> | null;
	route: { id: string | null };
}

/** A navigation, as SvelteKit's lifecycle callbacks receive it. */
export interface Navigation {
	from: NavigationTarget | null;
	to: NavigationTarget | null;
	type: 'enter' | 'form' | 'leave' | 'link' | 'goto' | 'popstate';
	willUnload: boolean;
	delta?: number;
	complete: Promise<void>;
}

type Before = (navigation: Navigation & { cancel(): void }) => void;
type During = (navigation: Navigation) => unknown;
type After = (navigation: Navigation) => void;

const befores = new Set<Before>();
const durings = new Set<During>();
const afters = new Set<After>();

/** As SvelteKit does: the callback is registered while its component is mounted. */
function whileMounted<T>(callbacks: Set<T>, callback: T): void {
	onMount(() => {
		callbacks.add(callback);
		return () => void callbacks.delete(callback);
	});
}

/** Runs `callback` before each navigation; it may `cancel()` it. */
export function beforeNavigate(callback: Before): void {
	whileMounted(befores, callback);
}

/** Runs `callback` as each navigation starts (after `beforeNavigate`); a returned function runs after it. */
export function onNavigate(callback: During): void {
	whileMounted(durings, callback);
}

/** Runs `callback` after each navigation, and once after the page is mounted (`type: 'enter'`). */
export function afterNavigate(callback: After): void {
	whileMounted(afters, callback);
}

/**
 * Navigates from `from` to `to` with the lifecycle SvelteKit's router runs around `go` (the
 * change itself): `beforeNavigate` callbacks may cancel it (then `go` is not called and the
 * result is `false`), `onNavigate` callbacks run before it, `afterNavigate` callbacks after.
 */
export async function navigateWithLifecycle(
	from: NavigationTarget,
	to: NavigationTarget,
	type: Navigation['type'],
	go: () => Promise<void>
): Promise<boolean> {
	let finish!: () => void;
	const navigation: Navigation = { from, to, type, willUnload: false, complete: new Promise<void>((resolve) => (finish = resolve)) };
	let cancelled = false;
	for (const callback of [...befores]) callback({ ...navigation, cancel: () => (cancelled = true) });
	if (cancelled) return false;
	const cleanups = await Promise.all([...durings].map((callback) => callback(navigation)));
	await go();
	finish();
	for (const cleanup of cleanups) if (typeof cleanup === 'function') cleanup();
	for (const callback of [...afters]) callback(navigation);
	return true;
}

/**
 * Leaves for another document (a redirect to another origin), as SvelteKit's router does: only
 * `beforeNavigate` callbacks run, told `willUnload`, and may cancel it (the result is then `false`).
 */
export function leaveWithLifecycle(from: NavigationTarget, to: URL): boolean {
	const navigation: Navigation = {
		from,
		to: { url: to, params: null, route: { id: null } },
		type: 'goto',
		willUnload: true,
		complete: Promise.resolve()
	};
	let cancelled = false;
	for (const callback of [...befores]) callback({ ...navigation, cancel: () => (cancelled = true) });
	return !cancelled;
}

/** What SvelteKit does once the first page is mounted: `afterNavigate` callbacks get `enter`. */
export function entered(to: NavigationTarget): void {
	const navigation: Navigation = { from: null, to, type: 'enter', willUnload: false, complete: Promise.resolve() };
	for (const callback of [...afters]) callback(navigation);
}
