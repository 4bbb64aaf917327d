import { DEV } from 'esm-env';
import { config } from '../config.js';
import { errorText } from '../wire/error-text.js';

/** Each form's latest action, and the latest of all (an app's callback calls `applyAction` without its form). */
const actions = new WeakMap<Element, URL>();
let latest: URL | undefined;

/**
 * Development messages already logged, by level: each once per page load. A page has one message
 * of each (a warning on a SvelteKit page; an error saying what to add, which depends on the page).
 */
const said = new Set<string>();

/** Forgets the actions and the messages logged, as a new page load would (`resetAll()` in tests). */
export function forgetUnshown(): void {
	latest = undefined;
	said.clear();
}

/** Development only: logs `text` with `log`, unless a message was logged at that level already. */
function say(log: 'warn' | 'error', text: string) {
	if (!said.has(log)) console[log]('svelte-form-actions: ' + text), said.add(log);
}

/**
 * Development only: on a SvelteKit page that never called `configure(sveltekit)`, results reach
 * neither `$app/state`, the `form` prop nor `+error.svelte`, and nothing else says why. Its
 * server-rendered page defines `__sveltekit_dev` under `vite dev`, `__sveltekit_<hash>` in builds.
 */
function unwired(log: 'warn' | 'error'): boolean {
	const kit = !config.applyAction && Object.keys(globalThis).some((name) => name.startsWith('__sveltekit_'));
	if (kit) {
		say(
			log,
			'this is a SvelteKit page but configure(sveltekit) was never called, so form results never reach $app/state, ' +
				'the form prop or +error.svelte. Call it once in the root layout (src/routes/+layout.svelte): ' +
				"import { configure } from 'svelte-form-actions'; import { sveltekit } from 'svelte-form-actions/sveltekit'; configure(sveltekit);"
		);
	}
	return kit;
}

/** A submission of `form` to `action` starts: returns `action`. */
export function submitting(form: Element, action: URL): URL {
	actions.set(form, (latest = action));
	if (DEV) unwired('warn');
	return action;
}

/**
 * An `error` result that neither an `<ErrorBoundary>` nor SvelteKit (`configure(sveltekit)`)
 * shows: reported where apps look for errors, in every mode, so it is never silent. Where
 * `reportError` is missing (jsdom), as the `error` event it would dispatch on `window`.
 */
export function unshown(form: Element | undefined, error: unknown, status: number): void {
	const action = (form && actions.get(form)) || latest;
	const where = action ? `POST ${action.pathname}${action.search}` : 'applyAction()';
	const reported = new Error(`error result of ${where} (${status}: ${errorText(error)})`, { cause: error });
	if (DEV && !unwired('error')) say('error', `the ${reported.message} was shown nowhere. Add <ErrorBoundary root> to the app's root component to show it.`);
	if ('reportError' in globalThis) reportError(reported);
	else window.dispatchEvent(new ErrorEvent('error', { error: reported, message: reported.message }));
}
