// Which remote function a client stub is. The `svelteKitTesting()` Vite plugin replaces each
// `*.remote.ts` module, in component tests, with SvelteKit's own client stubs (what SvelteKit's
// plugin makes for the browser) and registers each one here, so that a handler is made from the
// function itself: `queryHandler(getPosts, …)`.

/** The kinds of remote function, by the name of SvelteKit's server function that made them. */
export type RemoteKind = 'query' | 'query.batch' | 'query.live' | 'command' | 'form' | 'prerender';

/** A remote function's identity on the wire: `<hash>/<name>`, and its kind. */
export interface RemoteIdentity {
	id: string;
	kind: RemoteKind;
	/** `<file>#<name>`, for messages. */
	label: string;
}

const identities = new WeakMap<object, RemoteIdentity>();

/** How each remote module makes its stubs again (SvelteKit keeps a form's fields and result in its stub). */
const makers: Array<() => void> = [];

/**
 * Makes a remote module's stubs now, and again at every `renewRemoteFunctions()` (called by the
 * modules the Vite plugin generates, whose exports are live bindings the maker assigns).
 */
export function makeRemoteFunctions(make: () => void): void {
	makers.push(make);
	make();
}

/**
 * New stubs for every remote module, so that no test sees the fields, issues, result or
 * instances (`.for(key)`) a form kept from the one before, as a new page load would not.
 */
export function renewRemoteFunctions(): void {
	for (const make of makers) make();
}

/** Registers a client stub (called by the modules the Vite plugin generates). */
export function registerRemote<T extends object>(stub: T, identity: RemoteIdentity): T {
	identities.set(stub, identity);
	return stub;
}

/**
 * The identity of `fn`, which must be a remote function of kind `kind` (or one of `kinds`) imported
 * from a `.remote` file in a component test; otherwise an error that says what to pass instead.
 */
export function identityOf(fn: unknown, kind: RemoteKind | readonly RemoteKind[], caller: string): RemoteIdentity {
	const identity = typeof fn === 'function' || (typeof fn === 'object' && fn !== null) ? identities.get(fn) : undefined;
	if (!identity) {
		// A form's `.for(key)` instance posts where the form does: one handler, made from the form, answers every key.
		const instance = typeof (fn as { action?: unknown } | null)?.action === 'string' && (fn as { action: string }).action.includes('/remote=');
		throw new Error(
			`${caller}: expected a remote function imported from a .remote.ts (or .remote.js) file, got ${instance ? "a form's .for(key) instance: pass the form itself, whose handler answers every key (its `id`)" : describe(fn)}. ` +
				'Remote functions are recognised in component tests (browser mode or jsdom) of a project whose Vite config has ' +
				"svelteKitTesting() from 'svelte-form-actions/vite'."
		);
	}
	const kinds = typeof kind === 'string' ? [kind] : kind;
	if (!kinds.includes(identity.kind)) throw new Error(`${caller}: ${identity.label} is a ${identity.kind}(), not a ${kinds[0]}().`);
	return identity;
}

function describe(value: unknown): string {
	if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
	if (value === null || typeof value !== 'object') return String(value);
	return 'an object';
}
