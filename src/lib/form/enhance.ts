import { BROWSER, DEV } from 'esm-env';
import { config } from '../config.js';
import { applyResult } from '../result/apply-action.js';
import { warnNotApplied } from '../result/other-page.js';
import { planUpdate } from '../result/update-plan.js';
import { submitting } from '../result/unshown.js';
import { thrownError } from '../wire/error-text.js';
import { sendAction } from '../wire/send.js';
import { call, read } from './dom.js';
import type { ActionResult, EnhanceOptions, Plug, SubmitFunction, SubmitInput, SubmitResultInput, UpdateOptions, UpdatePlan } from '../types.js';

type Submitter = HTMLButtonElement | HTMLInputElement;
type Data = Record<string, unknown> | undefined;
type Options<S extends Data, F extends Data> = SubmitFunction<S, F> | EnhanceOptions<S, F>;

/**
 * A Svelte action that submits a `<form method="POST">` with `fetch` instead of a page load,
 * the way SvelteKit's `use:enhance` does.
 *
 * ```svelte
 * <form method="POST" action="?/login" use:enhance>
 * ```
 *
 * The argument is a submit function, or `{ submit, fetch, use }` (see `EnhanceOptions`; `use`
 * lists the plugs: `repeat('abort')`, `timeout(5_000)`, `submission()`…). `submit` runs before
 * the request with `{ action, formData, formElement, controller, submitter, cancel }`. If it
 * returns a callback, that callback gets `{ action, formData, formElement, result, update }`
 * instead of the default behaviour, which `update()` runs:
 * - on `success`, reset the form (`reset: false` keeps it) and `await invalidateAll()`
 *   (`invalidateAll: false` skips it);
 * - then `applyAction(result)` for a redirect, an error, or a result of the current page.
 * A failure or error never resets the form.
 *
 * Unlike SvelteKit, which applies results in the order they arrive, a result that arrives after
 * the result of a newer submission of the same form is discarded.
 */
export function enhance<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
>(form: HTMLFormElement, options: Options<Success, Failure> = {}) {
	if (!BROWSER) throw new Error('enhance() can only be used in the browser');
	if (DEV) assertPostForm(form);
	let submit: SubmitFunction<Success, Failure>;
	let formFetch: typeof fetch | undefined;
	let plugs: readonly Plug<Success, Failure>[];
	let destroyed = false;
	set(options);

	// The race rule. Submissions are numbered as they are made; `taken` is the newest one whose
	// result was taken (handed to its callback). An older result arriving later is stale, and so is
	// one whose submission was aborted silently after its result was taken (superseded, e.g. by
	// `repeat('abort')`): neither writes `page`, resets the form, moves focus or navigates
	// (SvelteKit applies results in arrival order, an older over a newer).
	let made = 0;
	let taken = 0;
	/** What ends each submission under way, so that `destroy()` can end them. */
	const ending = new Set<(gone?: boolean) => Promise<void>>();

	function set(options: Options<Success, Failure>) {
		const o = typeof options === 'function' ? { submit: options } : options;
		if (DEV) assertOptions(o);
		({ submit = () => {}, fetch: formFetch, use: plugs = [] } = o);
	}

	// Synchronous up to the request, so a development error surfaces from the event itself.
	function onSubmit(event: Event) {
		const submitter = (event as SubmitEvent).submitter as Submitter | null;
		// Through `dom.js`: an `<input name="action">` would shadow the form's `action` (DOM
		// clobbering, sveltejs/kit#7593), and likewise `method` and `enctype`.
		const method = submitter?.hasAttribute('formmethod') ? submitter.formMethod : read(form, 'method');
		if (method !== 'post') return;
		event.preventDefault();
		// `formAction` is always set (it falls back to the form's), so ask for the attribute first.
		const action = new URL(submitter?.hasAttribute('formaction') ? submitter.formAction : read(form, 'action'));
		const enctype = submitter?.hasAttribute('formenctype') ? submitter.formEnctype : read(form, 'enctype');
		const formData = new FormData(form, submitter);
		if (DEV && enctype !== 'multipart/form-data') assertNoFiles(formData);
		void run(submitting(form, action), enctype, formData, submitter);
	}

	/**
	 * One submission, top to bottom: plugs hear of it → submit function → plugs start → send →
	 * race rule → callback (by default `update`) → plugs end. App code that throws or rejects on the
	 * way (the submit function, a plug, `fetch`, the callback and what it runs) ends it with an
	 * `error` result carrying what was thrown, applied like any error: the form is never left
	 * submitting.
	 */
	async function run(action: URL, enctype: string, formData: FormData, submitter: Submitter | null) {
		const n = ++made;
		// The options as they were at the submit event: `update()` with new ones applies to the next submits.
		const [using, ownFetch] = [[...(config.use ?? []), ...plugs] as readonly Plug<Success, Failure>[], formFetch];
		const controller = new AbortController();
		let cancelled = false;
		let result: ActionResult | undefined;
		const input: SubmitInput = { action, formData, formElement: form, controller, submitter, cancel: () => (cancelled = true) };
		// Stale: a newer result was taken, or it was aborted silently since (superseded).
		const stale = () => n < taken || silent(controller.signal);
		const current = () => !destroyed && !stale();
		const fail = (error: unknown) => {
			result = thrown(error);
			if (current()) return applyResult(result, form, current);
		};
		/** The plugs' ends, each called once when the submission is over (`undefined`: it was not taken). */
		const ends: ((result?: ActionResult<Success, Failure>) => unknown)[] = [];
		const end = async (gone?: boolean) => {
			if (!ending.delete(end)) return;
			const final = gone || stale() ? undefined : (result as ActionResult<Success, Failure> | undefined);
			for (const plugEnd of ends) {
				try {
					const ended = plugEnd(final) as unknown;
					// In order: an end that takes time (a minimum pending time) holds the plugs after
					// it, except on `destroy()`, where every plug ends at once.
					if (ended instanceof Promise) await (gone ? void ended.catch(fail) : ended);
				} catch (error) {
					await fail(error);
				}
			}
		};
		ending.add(end);
		let callback = (input: SubmitResultInput<Success, Failure>): unknown => input.update();
		try {
			try {
				// Plugs hear of it first, before the submit function, with how many earlier submissions of
				// the form are still going; one may drop it (`repeat('prevent')`).
				for (const plug of using) {
					const heard = plug.submit?.(input, ending.size - 1);
					if (heard === false) return;
					if (heard) ends.push(heard);
				}
				callback = (await submit(input)) ?? callback;
				if (cancelled) return;
				// Then as the request goes. A form destroyed while its submit function ran still sends,
				// but shows no submission starting. A plug that throws ends the submission with its
				// error; the others still start, so each gets its end.
				let broken: { error: unknown } | undefined;
				for (const plug of destroyed ? [] : using) {
					// Aborted by a plug before it was sent (superseded): the plugs after it never start.
					if (controller.signal.aborted) break;
					try {
						const started = plug.start?.(input);
						if (started) ends.push(started);
					} catch (error) {
						broken ??= { error };
					}
				}
				if (broken) throw broken.error;
				// A plug may have aborted it (a newer submission was sent first): then nothing is sent.
				const fetch = ownFetch ?? using.findLast((plug) => plug.fetch)?.fetch ?? config.fetch;
				if (!controller.signal.aborted) result = await sendAction(action, formData, enctype, controller.signal, fetch);
				// Also when a `fetch` that ignores its signal answered anyway: aborted means aborted.
				if (controller.signal.aborted) result = abortResult(controller.signal.reason);
			} catch (error) {
				// Before the answer: nothing more is sent, and the callback hears of it as of a network error.
				result = thrown(error);
			}
			// Discarded: aborted silently, or a newer submission's result was taken first. Its callback
			// is not called, so no app code can write the older result over the newer one.
			if (!result || n < taken) return;
			const taking = result as ActionResult<Success, Failure>;
			taken = n;
			try {
				await callback({ action, formData, formElement: form, result: taking, update: (options) => update(form, using, taking, action, current, options) });
			} catch (error) {
				await fail(error);
			}
		} finally {
			await end();
		}
	}

	// Through `dom.js`: inputs named `addEventListener`/`removeEventListener` shadow the methods.
	call(form, 'addEventListener', 'submit', onSubmit);
	return {
		update(newOptions: Options<Success, Failure> = {}) {
			set(newOptions);
		},
		destroy() {
			destroyed = true;
			call(form, 'removeEventListener', 'submit', onSubmit);
			// Requests under way go on (their callbacks still run), but plugs end now: a destroyed
			// form shows no spinner and leaves no timer behind.
			for (const end of ending) void end(true);
		}
	};
}

/** The default behaviour, `update()`, of a submission of `form` that is still `current`. */
async function update(form: HTMLFormElement, plugs: readonly Plug<any, any>[], result: ActionResult, action: URL, current: () => boolean, options: UpdateOptions = {}) {
	if (!current()) return;
	// Which steps: a plug's plan (`sveltekit3()`), else SvelteKit 2's rules (update-plan.ts).
	let plan: UpdatePlan | undefined;
	for (const plug of plugs) plan ??= plug.plan?.(result, action, options);
	const { reset, refresh, to } = plan ?? planUpdate(result, action, options);
	// Through `dom.js`: an `<input name="reset">` would shadow `form.reset`.
	if (reset) call(form, 'reset');
	if (to instanceof URL) {
		// Another page's result: show it there, as a native submission would. Navigating
		// destroys this form, so nothing is checked after it.
		try {
			await config.goto(to.href, { invalidateAll: refresh });
		} catch (error) {
			return applyResult(thrown(error), form, current);
		}
		return applyResult(result, form);
	}
	if (refresh) await config.invalidateAll();
	// A newer result may have been taken while data was refreshing: it wins.
	if (!current()) return;
	if (to === 'here') await applyResult(result, form, current);
	else if (DEV) warnNotApplied(result.type, action);
}

/** The `error` result of app code that threw `error` (anything, `undefined` included). */
function thrown(error: unknown): ActionResult {
	return { type: 'error', error: thrownError(error) };
}

/** Whether `reason` ends a submission silently, as SvelteKit's: no reason, or an `AbortError`. */
function isSilent(reason: any): boolean {
	return reason === undefined || reason?.name === 'AbortError';
}

/** Whether `signal` was aborted silently (its submission then applies nothing more). */
function silent(signal: AbortSignal): boolean {
	return signal.aborted && isSilent(signal.reason);
}

/**
 * SvelteKit's abort rule: an abort without a reason or with an `AbortError` ends the submission
 * silently; any other reason (a `TimeoutError`, an app's own) ends it with an `error` result
 * carrying that reason, and the form keeps its values.
 */
function abortResult(reason: unknown): ActionResult | undefined {
	if (!isSilent(reason)) return { type: 'error', error: reason };
}

function assertPostForm(form: HTMLFormElement) {
	if (!(form instanceof HTMLFormElement)) {
		throw new Error(`use:enhance works on <form> elements only, not <${(form as Element)?.localName}>: move it to the form.`);
	}
	const method = read(form, 'method');
	if (method !== 'post') {
		throw new Error(
			`use:enhance needs <form method="POST">, but this form's method is "${method}": form actions ` +
				'only answer POST. Add method="POST" (a GET form is a search, which needs no enhance).'
		);
	}
}

function assertOptions(options: EnhanceOptions<any, any>) {
	const unknown = Object.keys(options).filter((name) => !['submit', 'fetch', 'use'].includes(name));
	if (unknown.length) {
		throw new Error(
			`use:enhance takes { submit, fetch, use }, not ${unknown.map((name) => `\`${name}\``).join(', ')}: what goes beyond ` +
				"SvelteKit's enhance is a plug listed in `use`, e.g. use:enhance={{ use: [repeat('abort'), timeout(5_000), submission] }}."
		);
	}
	const { use = [] } = options;
	if (!Array.isArray(use) || use.some((plug) => typeof plug !== 'object' || plug === null)) {
		const hint = Array.isArray(use) && use.some((plug) => typeof plug === 'function') ? ' (call a plug factory: `submission()`, not `submission`)' : '';
		throw new Error(`use:enhance's \`use\` takes a list of plugs, such as [repeat('abort'), timeout(5_000)]${hint}.`);
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
