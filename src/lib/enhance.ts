import { BROWSER, DEV } from 'esm-env';
import { applyResult } from './apply-action.js';
import { config } from './config.js';
import { sendAction } from './send.js';
import type { ActionResult, EnhanceOptions, SubmitFunction, UpdateOptions } from './types.js';

type Submitter = HTMLButtonElement | HTMLInputElement;

/**
 * A Svelte action that submits a `<form method="POST">` with `fetch` instead of a page load,
 * the way SvelteKit's `use:enhance` does.
 *
 * ```svelte
 * <form method="POST" action="?/login" use:enhance>
 * ```
 *
 * The argument is a submit function, or `{ submit, fetch }` to also post with another `fetch`.
 * `submit` runs before the request with `{ action, formData, formElement, controller, submitter,
 * cancel }`. If it returns a callback, that callback gets `{ action, formData, formElement,
 * result, update }` instead of the default behaviour, which `update()` runs:
 * - on `success`, reset the form (`reset: false` keeps it) and `await invalidateAll()`
 *   (`invalidateAll: false` skips it);
 * - then `applyAction(result)` for a redirect, an error, or a result of the current page.
 * A failure or error never resets the form.
 */
export function enhance<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
>(form: HTMLFormElement, options: SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure> = {}) {
	if (!BROWSER) throw new Error('enhance() can only be used in the browser');
	if (DEV) assertPostForm(form);
	let destroyed = false;
	let { submit = () => {}, fetch: formFetch } = typeof options === 'function' ? { submit: options } : options;

	async function update(result: ActionResult, action: URL, options: UpdateOptions = {}) {
		if (destroyed) return;
		const { reset = true, invalidateAll = options.refreshAll ?? true } = options;
		if (result.type === 'success') {
			// From the prototype: an `<input name="reset">` would shadow `form.reset`.
			if (reset) HTMLFormElement.prototype.reset.call(form);
			if (invalidateAll) await config.invalidateAll();
			if (destroyed) return;
		}
		if (result.type === 'redirect' || result.type === 'error' || config.isCurrentPage(pageOf(result, action))) {
			await applyResult(result, form);
		}
	}

	// Synchronous up to the request, so a development error surfaces from the event itself.
	function onSubmit(event: Event) {
		const submitter = (event as SubmitEvent).submitter as Submitter | null;
		const method = submitter?.hasAttribute('formmethod') ? submitter.formMethod : clone(form).method;
		if (method !== 'post') return;
		event.preventDefault();

		// `formAction` is always set (it falls back to the form's), so ask for the attribute first.
		const action = new URL(submitter?.hasAttribute('formaction') ? submitter.formAction : clone(form).action);
		const enctype = submitter?.hasAttribute('formenctype') ? submitter.formEnctype : clone(form).enctype;
		const formData = new FormData(form, submitter);
		if (DEV && enctype !== 'multipart/form-data') assertNoFiles(formData);
		void run(action, enctype, formData, submitter);
	}

	/** Asks the submit function, sends, then calls back (by default: `update`). */
	async function run(action: URL, enctype: string, formData: FormData, submitter: Submitter | null) {
		const controller = new AbortController();
		let cancelled = false;
		const callback =
			(await submit({
				action,
				formData,
				formElement: form,
				controller,
				submitter,
				cancel: () => (cancelled = true)
			})) ?? ((input) => input.update());
		if (cancelled) return;

		const result = await sendAction(action, formData, enctype, controller.signal, formFetch ?? config.fetch);
		if (!result) return;
		await callback({
			action,
			formData,
			formElement: form,
			result: result as ActionResult<Success, Failure>,
			update: (options) => update(result, action, options)
		});
	}

	// From the prototype: inputs named `addEventListener`/`removeEventListener` shadow the methods.
	HTMLFormElement.prototype.addEventListener.call(form, 'submit', onSubmit);
	return {
		update(newOptions: SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure> = {}) {
			({ submit = () => {}, fetch: formFetch } = typeof newOptions === 'function' ? { submit: newOptions } : newOptions);
		},
		destroy() {
			destroyed = true;
			HTMLFormElement.prototype.removeEventListener.call(form, 'submit', onSubmit);
		}
	};
}

/**
 * A shallow clone reads `action`, `method` and `enctype` safely: on the form itself an
 * `<input name="action">` would shadow them (DOM clobbering, sveltejs/kit#7593).
 */
function clone(form: HTMLFormElement): HTMLFormElement {
	return HTMLElement.prototype.cloneNode.call(form) as HTMLFormElement;
}

/** SvelteKit 3 results say which page they belong to; older ones belong to the action's page. */
function pageOf(result: ActionResult, action: URL): URL {
	return result.location === undefined ? action : new URL(result.location, location.href);
}

function assertPostForm(form: HTMLFormElement) {
	if (!(form instanceof HTMLFormElement)) {
		throw new Error(`use:enhance works on <form> elements only, not <${(form as Element)?.localName}>: move it to the form.`);
	}
	const method = clone(form).method;
	if (method !== 'post') {
		throw new Error(
			`use:enhance needs <form method="POST">, but this form's method is "${method}": form actions ` +
				'only answer POST. Add method="POST" (a GET form is a search, which needs no enhance).'
		);
	}
}

function assertNoFiles(formData: FormData) {
	for (const value of formData.values()) {
		if (value instanceof File) {
			throw new Error(
				'This form has an <input type="file">, but not enctype="multipart/form-data": the file would ' +
					'be sent as its name only. Add enctype="multipart/form-data" to the <form> (nothing was sent).'
			);
		}
	}
}
