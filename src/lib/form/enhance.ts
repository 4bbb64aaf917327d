import { BROWSER, DEV } from 'esm-env';
import { applyResult } from '../result/apply-action.js';
import { config } from '../config.js';
import { thrownError } from '../wire/error-text.js';
import { sendAction } from '../wire/send.js';
import { warnNotApplied } from '../result/other-page.js';
import { planUpdate } from '../result/update-plan.js';
import { call, read } from './dom.js';
import type {
	ActionResult,
	EnhanceOptions,
	RepeatPolicy,
	SubmissionObserver,
	SubmitFunction,
	SubmitInput,
	SubmitResultInput,
	UpdateOptions
} from '../types.js';

type Submitter = HTMLButtonElement | HTMLInputElement;

/**
 * A Svelte action that submits a `<form method="POST">` with `fetch` instead of a page load,
 * the way SvelteKit's `use:enhance` does.
 *
 * ```svelte
 * <form method="POST" action="?/login" use:enhance>
 * ```
 *
 * The argument is a submit function, or `{ submit, fetch, submission, repeat, timeout,
 * focusInvalid, announce, unsaved }` (see `EnhanceOptions`). `submit` runs before the request with
 * `{ action, formData, formElement, controller, submitter, cancel }`. If it returns a callback,
 * that callback gets `{ action, formData, formElement, result, update }` instead of the default
 * behaviour, which `update()` runs:
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
>(form: HTMLFormElement, options: SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure> = {}) {
	if (!BROWSER) throw new Error('enhance() can only be used in the browser');
	if (DEV) assertPostForm(form);
	let destroyed = false;
	let submit: SubmitFunction<Success, Failure>;
	let formFetch: typeof fetch | undefined;
	let repeat: RepeatPolicy;
	let timeout: number | undefined;
	let observers: SubmissionObserver<Success, Failure>[];
	set(options);

	// Submissions are numbered in the order they are made. `taken` is the number of the newest
	// one whose result was taken (handed to its callback), or that superseded the older ones
	// (`repeat: 'abort'`); an older result arriving later is stale: applying it would overwrite
	// newer state with older (SvelteKit does, in arrival order).
	let made = 0;
	let taken = 0;
	/** The number of the newest submission that sent its request. */
	let sent = 0;
	/** Submissions under way, from the submit event until they end: what `prevent` checks. */
	let going = 0;
	/** The controller of the newest request under way: what `abort` aborts. */
	let latest: AbortController | undefined;
	/** Observers' ends of the submissions under way, so `destroy()` can end them. */
	const ending = new Set<() => void>();

	function set(options: SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure>) {
		const o = typeof options === 'function' ? { submit: options } : options;
		if (DEV) assertOptions(o);
		({ submit = () => {}, fetch: formFetch, repeat = 'allow', timeout } = o);
		observers = [o.submission, o.focusInvalid, o.announce, o.unsaved].filter((observer) => !!observer);
	}

	/** Whether submission `n`'s result may still change state: the form is there, no newer result was taken. */
	function current(n: number) {
		return !destroyed && n >= taken;
	}

	async function update(result: ActionResult, action: URL, n: number, options: UpdateOptions = {}) {
		if (!current(n)) return;
		// Which steps, by the rules of the server that answered (SvelteKit 2 or 3): update-plan.ts.
		const { reset, refresh, to } = planUpdate(result, action, options);
		// Through `dom.js`: an `<input name="reset">` would shadow `form.reset`.
		if (reset) call(form, 'reset');
		if (to instanceof URL) {
			// Another page's result: show it there, as a native submission would. Navigating
			// destroys this form, so nothing is checked after it.
			try {
				await config.goto(to.href, { invalidateAll: refresh });
			} catch (error) {
				return applyResult({ type: 'error', error: thrownError(error) }, form, () => current(n));
			}
			return applyResult(result, form);
		}
		if (refresh) await config.invalidateAll();
		// A newer result may have been taken while data was refreshing: it wins.
		if (!current(n)) return;
		if (to === 'here') await applyResult(result, form, () => current(n));
		else if (DEV) warnNotApplied(result.type, action);
	}

	// Synchronous up to the request, so a development error surfaces from the event itself.
	function onSubmit(event: Event) {
		const submitter = (event as SubmitEvent).submitter as Submitter | null;
		// Through `dom.js`: an `<input name="action">` would shadow the form's `action` (DOM
		// clobbering, sveltejs/kit#7593), and likewise `method` and `enctype`.
		const method = submitter?.hasAttribute('formmethod') ? submitter.formMethod : read(form, 'method');
		if (method !== 'post') return;
		event.preventDefault();
		if (repeat === 'prevent' && going > 0) return;

		// `formAction` is always set (it falls back to the form's), so ask for the attribute first.
		const action = new URL(submitter?.hasAttribute('formaction') ? submitter.formAction : read(form, 'action'));
		const enctype = submitter?.hasAttribute('formenctype') ? submitter.formEnctype : read(form, 'enctype');
		const formData = new FormData(form, submitter);
		if (DEV && enctype !== 'multipart/form-data') assertNoFiles(formData);
		void run(action, enctype, formData, submitter);
	}

	/**
	 * Asks the submit function, sends, then calls back (by default: `update`). App code that
	 * throws or rejects on the way (the submit function, an observer, `fetch`, the callback and
	 * what it runs: `invalidateAll`, `goto`, `isCurrentPage`...) ends the submission with an
	 * `error` result carrying what was thrown: applied like any error, so the app sees it, and
	 * the form is never left submitting.
	 */
	async function run(action: URL, enctype: string, formData: FormData, submitter: Submitter | null) {
		const n = ++made;
		const controller = new AbortController();
		let cancelled = false;
		/** The answer, once it arrived: the observers get it unless it was discarded. */
		let result: ActionResult | undefined;
		let end: ((result?: ActionResult) => void) | undefined;
		let callback: (input: SubmitResultInput<Success, Failure>) => unknown = (input) => input.update();
		/** Shows an error of app code, unless the form is gone or a newer result was taken. */
		const fail = (error: unknown) => {
			result = thrown(error);
			if (current(n)) return applyResult(result, form, () => current(n));
		};
		const input: SubmitInput = {
			action,
			formData,
			formElement: form,
			controller,
			submitter,
			cancel: () => (cancelled = true)
		};
		going++;
		try {
			try {
				callback = (await submit(input)) ?? callback;
				if (cancelled) return;

				if (repeat === 'abort') {
					// An older submission whose submit function took longer is superseded before it starts.
					if (n < sent) return controller.abort(replaced());
					latest?.abort(replaced());
					// One whose answer is already in, its callback still running (a slow refresh), is
					// superseded too: its update() applies nothing from now on.
					taken = n;
				}
				if (n > sent) {
					latest = controller;
					sent = n;
				}
				// Most forms have no observers: spare every submit the bookkeeping. A form destroyed
				// while its submit function ran still sends, but shows no submission starting.
				if (observers.length && !destroyed) {
					const [ends, error] = observe(input, fail);
					end = ends;
					if (error) throw error.thrown;
				}
				const ms = timeout;
				const timer = ms ? setTimeout(() => controller.abort(timedOut(action, ms)), ms) : undefined;
				try {
					result = await sendAction(action, formData, enctype, controller.signal, formFetch ?? config.fetch);
				} finally {
					clearTimeout(timer);
				}
				// Also when a `fetch` that ignores its signal answered anyway: aborted means aborted.
				if (controller.signal.aborted) result = timeoutResult(controller.signal.reason);
			} catch (error) {
				// Before the answer: nothing more is sent, and the callback hears of it as of a network error.
				result = thrown(error);
			}

			// Discarded: aborted (silently), or a newer submission's result was taken first. Its
			// callback is not called, so no app code can write the older result over the newer
			// one; the newer submission's callback runs (or ran), so nothing waits for this one.
			if (!result || n < taken) return;
			const taking = result;
			taken = n;
			try {
				await callback({
					action,
					formData,
					formElement: form,
					result: taking as ActionResult<Success, Failure>,
					update: (options) => update(taking, action, n, options)
				});
			} catch (error) {
				await fail(error);
			}
		} finally {
			going--;
			if (latest === controller) latest = undefined;
			// Nothing for a discarded result (`n < taken` covers one discarded after it arrived).
			end?.(n < taken ? undefined : result);
		}
	}

	/**
	 * Starts the observers on a submission; returns what ends them, once (or not, if destroyed
	 * first), and what a `start` threw. Observers are app code: a `start` that throws ends the
	 * submission with that error (the others still start, so each gets its end); an end that
	 * throws or rejects goes to `fail`, and the other ends still run.
	 */
	function observe(input: SubmitInput, fail: (error: unknown) => unknown) {
		let error: { thrown: unknown } | undefined;
		const ends = observers.map((observer) => {
			try {
				return observer.start(input);
			} catch (thrown) {
				error ??= { thrown };
			}
		});
		const end = (result?: ActionResult) => {
			if (!ending.delete(end)) return;
			for (const observerEnd of ends) {
				try {
					// A promise (an async end) that rejects is caught too.
					Promise.resolve(observerEnd?.(result as ActionResult<Success, Failure> | undefined)).catch(fail);
				} catch (thrown) {
					fail(thrown);
				}
			}
		};
		ending.add(end);
		return [end, error] as const;
	}

	// Through `dom.js`: inputs named `addEventListener`/`removeEventListener` shadow the methods.
	call(form, 'addEventListener', 'submit', onSubmit);
	return {
		update(newOptions: SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure> = {}) {
			set(newOptions);
		},
		destroy() {
			destroyed = true;
			call(form, 'removeEventListener', 'submit', onSubmit);
			// Requests under way go on (their callbacks still run), but observers stop now:
			// a destroyed form shows no spinner and leaves no timer behind.
			for (const end of ending) end();
		}
	};
}

/** The `error` result of app code that threw `error` (anything, `undefined` included). */
function thrown(error: unknown): ActionResult {
	return { type: 'error', error: thrownError(error) };
}

/** The abort reason of a request that `repeat: 'abort'` replaces. */
function replaced() {
	return new DOMException('Replaced by a newer submission', 'AbortError');
}

/** The abort reason of a request timeout: a `TimeoutError`, as `AbortSignal.timeout` gives. */
function timedOut(action: URL, ms: number) {
	return new DOMException(`POST ${action.pathname}${action.search} timed out after ${ms} ms`, 'TimeoutError');
}

/**
 * A request aborted for a timeout ends with an `error` result (the form keeps its values); any
 * other abort, the user's included, ends silently.
 */
function timeoutResult(reason: any): ActionResult | undefined {
	if (reason?.name === 'TimeoutError') return { type: 'error', error: new Error(reason.message, { cause: reason }) };
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
	for (const name of ['submission', 'focusInvalid', 'announce', 'unsaved'] as const) {
		const observer = options[name];
		if (observer !== undefined && typeof observer?.start !== 'function') {
			const hint = typeof observer === 'function' ? `: call it, \`${name}: ${name}()\`` : '';
			throw new Error(`use:enhance's \`${name}\` option takes what \`${name}()\` returns${hint}.`);
		}
	}
	const { timeout, repeat } = options;
	// `typeof`: `'500'`, `[100]` and `true` compare as numbers, but `setTimeout` would not take them.
	if (timeout !== undefined && !(typeof timeout === 'number' && timeout >= 1 && timeout <= 2147483647)) {
		const shown = typeof timeout === 'number' ? timeout : `of type ${typeof timeout}`;
		throw new Error(`use:enhance's \`timeout\` is in milliseconds, between 1 and 2147483647 (not ${shown}); leave it out for none.`);
	}
	if (repeat !== undefined && repeat !== 'allow' && repeat !== 'abort' && repeat !== 'prevent') {
		throw new Error(`use:enhance's \`repeat\` is 'allow', 'abort' or 'prevent', not ${JSON.stringify(repeat)}.`);
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
