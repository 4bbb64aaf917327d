// SvelteKit's `use:enhance` (`$app/forms`) in component tests, as the project's SvelteKit major
// behaves, not this library's: results go to SvelteKit's `applyAction` (an error renders the
// nearest +error.svelte; an <ErrorBoundary> never sees it), and an exception thrown by the app's
// submit function or callback escapes, as an unhandled rejection, leaving the page as it was.
import { isSamePage } from '../../result/same-page.js';
import { deserialize } from '../../wire/deserialize.js';
import { invalidateAll } from '../../result/navigation.js';
import type { ActionResult, SubmitFunction } from '../../types.js';
import { routerGoto } from '../router.js';
import { applyAction } from './apply-action.js';
import { kitMajor } from './kit-major.js';

type Submitter = HTMLButtonElement | HTMLInputElement;
interface UpdateOptions {
	reset?: boolean;
	invalidateAll?: boolean;
	refreshAll?: boolean;
	navigate?: boolean;
}

/** A form's own attribute, read past named controls that clobber the property (`<input name="action">`). */
function attribute(form: HTMLFormElement, name: 'method' | 'action' | 'enctype'): string {
	return (HTMLFormElement.prototype.cloneNode.call(form) as HTMLFormElement)[name];
}

/** SvelteKit's default `update()`: SvelteKit 2's rules, or SvelteKit 3's with `refreshAll` and `location`. */
async function update(form: HTMLFormElement, action: URL, result: ActionResult, options: UpdateOptions = {}): Promise<void> {
	const { reset = true } = options;
	if (result.type === 'success' && reset) HTMLFormElement.prototype.reset.call(form);
	if (kitMajor < 3) {
		if (result.type === 'success' && (options.invalidateAll ?? true)) await invalidateAll();
		const here = location.origin + location.pathname === action.origin + action.pathname;
		if (here || result.type === 'redirect' || result.type === 'error') await applyAction(result);
		return;
	}
	const refresh = options.refreshAll ?? options.invalidateAll ?? result.type === 'success';
	const landing = (options.navigate ?? true) && result.type !== 'redirect' && result.location !== undefined ? new URL(result.location, location.href) : undefined;
	if (!landing || landing.origin !== location.origin || isSamePage(landing, true)) {
		if (refresh && result.type !== 'redirect') await invalidateAll();
		await applyAction(result);
		return;
	}
	// As a native submission: the page the result names, showing it.
	await routerGoto(landing, { invalidateAll: refresh });
	await applyAction(result);
}

/** SvelteKit's `enhance`, for the form of the page `renderPage` mounted. */
export function enhance(form: HTMLFormElement, submit: SubmitFunction = () => {}): { destroy(): void } {
	async function handleSubmit(event: Event) {
		const submitter = (event as SubmitEvent).submitter as Submitter | null;
		const method = submitter?.hasAttribute('formmethod') ? submitter.formMethod : attribute(form, 'method');
		if (method !== 'post') return;
		event.preventDefault();
		const action = new URL(submitter?.hasAttribute('formaction') ? submitter.formAction : attribute(form, 'action'));
		const enctype = submitter?.hasAttribute('formenctype') ? submitter.formEnctype : attribute(form, 'enctype');
		const formData = new FormData(form, submitter);
		const controller = new AbortController();
		let cancelled = false;
		// Not caught: what the app's submit function throws escapes, as in SvelteKit.
		const callback =
			(await submit({ action, cancel: () => (cancelled = true), controller, formData, formElement: form, submitter })) ??
			(({ result }: { result: ActionResult }) => update(form, action, result));
		if (cancelled) return;
		let result: ActionResult;
		try {
			const headers = new Headers({ accept: 'application/json', 'x-sveltekit-action': 'true' });
			if (enctype !== 'multipart/form-data') headers.set('Content-Type', /^(application\/x-www-form-urlencoded|text\/plain)$/.test(enctype) ? enctype : 'application/x-www-form-urlencoded');
			const body = enctype === 'multipart/form-data' ? formData : new URLSearchParams(formData as any);
			const response = await fetch(action, { method: 'POST', headers, cache: 'no-store', body, signal: controller.signal });
			result = deserialize(await response.text());
			if (result.type === 'error' || (kitMajor >= 3 && result.type === 'failure')) result.status = response.status;
		} catch (error) {
			if ((error as { name?: string } | null)?.name === 'AbortError') return;
			result = { type: 'error', error };
		}
		// Not caught either: a callback that throws (superforms' default `onError`) escapes.
		await callback({ action, formData, formElement: form, result, update: (options?: UpdateOptions) => update(form, action, result, options) } as any);
	}
	HTMLFormElement.prototype.addEventListener.call(form, 'submit', handleSubmit);
	return { destroy: () => HTMLFormElement.prototype.removeEventListener.call(form, 'submit', handleSubmit) };
}
