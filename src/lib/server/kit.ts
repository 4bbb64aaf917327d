import { ourOutcome } from './outcome.js';

/**
 * SvelteKit's own predicates for its `fail`, `redirect` and `error`, as `@sveltejs/kit` exports
 * them (2.8 and later, 3.x): pass the module itself, `import * as kit from '@sveltejs/kit'`.
 * Typed by shape, so that this entry never imports SvelteKit.
 */
export interface KitOutcomes {
	isActionFailure(value: unknown): boolean;
	isRedirect(value: unknown): boolean;
	isHttpError(value: unknown): boolean;
}

export type OutcomeKind = 'failure' | 'redirect' | 'error';

const PREDICATES = ['isActionFailure', 'isRedirect', 'isHttpError'] as const;

/** Checks the `kit` option when the handler is made, naming the fix. */
export function checkKit(kit: unknown, caller: string): KitOutcomes | undefined {
	if (kit === undefined) return undefined;
	const missing = PREDICATES.filter((name) => typeof (kit as Record<string, unknown> | null)?.[name] !== 'function');
	if (missing.length === 0) return kit as KitOutcomes;
	throw new Error(
		`${caller}: \`kit\` must be SvelteKit's module, \`import * as kit from '@sveltejs/kit'\` (2.8 or later); ` +
			`it lacks ${missing.join(', ')}.`
	);
}

/**
 * Which outcome `value` is: ours by the mark our constructors set, SvelteKit's only through its
 * own predicates. Never by name or shape: an app's class named `HttpError` would otherwise have
 * its body (an upstream answer, a token) sent to the browser. May throw (a Proxy's trap).
 */
export function outcomeOf(value: unknown, kit: KitOutcomes | undefined): OutcomeKind | undefined {
	const ours = ourOutcome(value);
	if (ours || !kit) return ours;
	if (kit.isActionFailure(value)) return 'failure';
	if (kit.isRedirect(value)) return 'redirect';
	if (kit.isHttpError(value)) return 'error';
	return undefined;
}

const KIT_NAMES: Record<string, string> = { ActionFailure: 'fail', Redirect: 'redirect', HttpError: 'error' };

/**
 * For the development log only: what to change when `value` looks like SvelteKit's `fail`,
 * `redirect` or `error` (its class name and a numeric `status`) but no `kit` was given. Decides
 * nothing: such a value is an unexpected error either way. Never throws.
 */
export function kitHint(value: unknown, caller: string): string | undefined {
	try {
		if (typeof value !== 'object' || value === null) return undefined;
		const name = Object.getPrototypeOf(value)?.constructor?.name;
		if (!Object.hasOwn(KIT_NAMES, name) || typeof (value as { status?: unknown }).status !== 'number') return undefined;
		return (
			`${caller}: this looks like SvelteKit's ${KIT_NAMES[name]}(), which is answered as an unexpected error (500) ` +
			"unless SvelteKit's predicates are passed: `import * as kit from '@sveltejs/kit'`, then `{ kit }` in the options. " +
			"Or import fail, redirect and error from 'svelte-form-actions/server'."
		);
	} catch {
		return undefined;
	}
}
