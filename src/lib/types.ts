/**
 * Public types. Names and shapes are SvelteKit's (`@sveltejs/kit`), so a SvelteKit user swaps
 * the import and nothing else.
 */

type MaybePromise<T> = T | Promise<T>;

/**
 * The result of a form action, as the server sends it (after `deserialize`).
 * SvelteKit 3 servers add `location` (the page the action belongs to: its path and query, without
 * `?/name`) to success, failure and error results; `update()` then follows SvelteKit 3's rules.
 */
export type ActionResult<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> =
	| { type: 'success'; status: number; data?: Success; location?: string }
	| { type: 'failure'; status: number; data?: Failure; location?: string }
	| { type: 'redirect'; status: number; location: string }
	| { type: 'error'; status?: number; error: any; location?: string };

/**
 * Options of `update()`: the default post-submission behaviour, piece by piece. Results of a
 * SvelteKit 3 server (they carry `location`) follow SvelteKit 3's rules, others SvelteKit 2's
 * (see docs/sveltekit-3.md).
 */
export interface UpdateOptions {
	/** Reset the form after a success. Default `true`. */
	reset?: boolean;
	/**
	 * Refresh the app's data (`invalidateAll()`) before applying the result. SvelteKit 2 results:
	 * after a success only, default `true`. SvelteKit 3 results: default `true` for a success and
	 * `false` otherwise, so `refreshAll: true` refreshes after a failure or error too.
	 */
	refreshAll?: boolean;
	/**
	 * SvelteKit 2's name for `refreshAll` (deprecated in SvelteKit 3). When both are given,
	 * `invalidateAll` wins for a SvelteKit 2 result and `refreshAll` for a SvelteKit 3 result,
	 * as in each version.
	 */
	invalidateAll?: boolean;
	/**
	 * SvelteKit 3 results: a success, failure or error of another page of this site navigates
	 * there and is shown on that page, as a native submission would; `false` applies it to the
	 * current page instead. Default `true`. Redirects are always followed; SvelteKit 2 results
	 * never navigate (another page's success or failure is not applied).
	 */
	navigate?: boolean;
}

/** What the submit function receives, before the request is sent. */
export interface SubmitInput {
	/** The URL the form posts to (the submitter's `formaction`, else the form's `action`). */
	action: URL;
	/** The data about to be sent; change it here to change the request. */
	formData: FormData;
	/** The enhanced `<form>`. */
	formElement: HTMLFormElement;
	/** Aborts the request: the submission then ends silently. */
	controller: AbortController;
	/** The button or input that submitted the form, if any. */
	submitter: HTMLElement | null;
	/** Call to send nothing at all. */
	cancel: () => void;
}

/** What the callback returned by a submit function receives, once the result is in. */
export interface SubmitResultInput<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> {
	formData: FormData;
	formElement: HTMLFormElement;
	action: URL;
	result: ActionResult<Success, Failure>;
	/** Runs the default behaviour (reset, invalidateAll, applyAction) for this result. */
	update: (options?: UpdateOptions) => Promise<void>;
}

/**
 * Called on submit, before the request. It may return a callback that takes over what happens
 * with the result (call `update()` inside it to get the default behaviour back).
 */
export type SubmitFunction<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> = (
	input: SubmitInput
) => MaybePromise<void | ((opts: SubmitResultInput<Success, Failure>) => MaybePromise<void>)>;

/**
 * What happens to a submit while an earlier submission of the same form is still going:
 * - `allow`: it proceeds too (SvelteKit's behaviour);
 * - `abort`: the earlier request is aborted (it ends silently), this one proceeds;
 * - `prevent`: it is ignored (nothing is sent, the browser does not submit either).
 */
/** What `repeat(policy)` does when a form is submitted again while an earlier submission is going. */
export type RepeatPolicy = 'abort' | 'prevent';

/**
 * A plug: what `use:enhance={{ use: [...] }}` lists, for everything beyond SvelteKit's `enhance`.
 * `repeat()`, `timeout()`, `submission()`, `focusInvalid()`, `announce()`, `unsaved()` and
 * `uploadProgress()` are plugs, and any object of this shape is one. For each submission, in the
 * order the plugs are listed:
 * 1. `submit(input, going)`, synchronously at the submit event, before the submit function, with
 *    the number of the form's earlier submissions still going: return `false` to drop the submission (the submit function does not run, nothing is sent), or a
 *    function, called once when the submission is over, however it ends;
 * 2. `start(input)`, as the request is about to be sent (after the submit function, with the
 *    `formData` it may have changed; not for a cancelled submission, nor for a form destroyed
 *    meanwhile): what it returns is called once when the submission is over, after its callback
 *    (or the default `update()`) has finished, with the result, or with `undefined` when it was
 *    aborted silently, its result discarded (a newer one of the same form came first) or the form
 *    destroyed.
 * A plug may abort `input.controller`: without a reason or with an `AbortError`, the submission
 * ends silently (and one whose result was already taken applies nothing more); with any other
 * reason it ends with an `error` result carrying that reason (a reason given once the answer is in
 * changes nothing). A plug's `fetch` sends the form's requests (the last plug that has one; the
 * form's own `fetch` option wins); its `plan` decides what `update()` does. A plug that throws
 * ends the submission with its error.
 */
export interface Plug<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> {
	submit?(input: SubmitInput, going: number): false | void | ((result?: ActionResult<Success, Failure>) => unknown);
	start?(input: SubmitInput): void | ((result: ActionResult<Success, Failure> | undefined) => unknown);
	fetch?: typeof fetch;
	/**
	 * Decides what `update(options)` does with a result (the first plug that returns a plan
	 * wins; default: SvelteKit 2's rules). `sveltekit3()` is this hook alone.
	 */
	plan?(result: ActionResult, action: URL, options: UpdateOptions): UpdatePlan | undefined;
}

/** What `update()` does with a result: which steps, in this order. */
export interface UpdatePlan {
	/** Reset the form (successes only). */
	reset: boolean;
	/** Refresh the app's data (`invalidateAll`) before the result is applied. */
	refresh: boolean;
	/**
	 * Where the result goes: applied to the current page (`here`), not applied (`nowhere`: a
	 * result of another page), or to the page of this URL, navigated to first.
	 */
	to: 'here' | 'nowhere' | URL;
}

/** Per-form options: `use:enhance={{ submit, fetch, use }}`. A bare function is the `submit`. */
export interface EnhanceOptions<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> {
	/** The submit function, as `use:enhance={submit}` takes it. */
	submit?: SubmitFunction<Success, Failure>;
	/** The `fetch` this form posts with (default: a plug's, else `configure`'s, else the global one). */
	fetch?: typeof fetch;
	/**
	 * The plugs: what this form does beyond SvelteKit's `enhance`, e.g.
	 * `[repeat('abort'), timeout(5_000), submission(), focusInvalid(), announce(), edits, upload]`.
	 */
	use?: readonly Plug<Success, Failure>[];
}

/** Options of `unsaved()`. */
export interface UnsavedOptions {
	/**
	 * Which draft is this form's on its page (page = path and query): default the form's `id`, else
	 * its action. Give one to forms that share both, e.g. `key: row.id` for a form per row; two forms
	 * tracked at once with the same key are a development error, and the second keeps no draft.
	 */
	key?: string | number;
	/** Keep the typed values in `sessionStorage` and restore them into the form. Default `true`. */
	drafts?: boolean;
	/**
	 * Names of fields never kept in a draft, besides those never kept anyway: passwords (also once
	 * shown as text), files, `autocomplete` secrets (`current-password`, `new-password`,
	 * `one-time-code`, `cc-*`) and fields whose autocomplete is `off`.
	 */
	exclude?: readonly string[];
	/** Ask before leaving the page while the form is dirty. Default `true`. */
	guard?: boolean;
	/** The question asked before an in-app navigation (browsers word the one before unloading themselves). */
	message?: string;
}

/** What a navigation guard learns of a navigation: the shape of SvelteKit's `BeforeNavigate`. */
export interface BeforeNavigateNavigation {
	/** Stops the navigation (for one that unloads the page, the browser asks the user instead). */
	cancel(): void;
	/** Whether the document is about to be unloaded (a reload, another site, closing the tab). */
	willUnload: boolean;
	/** `'link'`, `'goto'`, `'popstate'`, `'form'`, `'leave'`… */
	type: string;
}

/** A function `beforeNavigate` calls before each navigation. */
export type BeforeNavigateCallback = (navigation: BeforeNavigateNavigation) => void;

/** Options of `submission()`. */
export interface SubmissionOptions {
	/** Milliseconds a submission may take before `delayed` becomes `true`. Default 500. */
	delay?: number;
	/** Milliseconds before `timedOut` becomes `true` (a UI state: the request goes on). Default 8000. */
	timeout?: number;
}

/** The text `announce()` reads out for a result; a falsy value announces nothing. */
export type AnnounceText<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> = (result: ActionResult<Success, Failure>) => string | null | undefined | false;

/** A custom type that survives the wire, as in SvelteKit's `transport` hook. */
export interface Transporter<T = any, U = any> {
	/** Returns a serializable value when `value` is of this type, else a falsy value. */
	encode: (value: T) => false | U;
	/** Rebuilds the value from what `encode` returned. */
	decode: (data: U) => T;
}

/** Options of `configure()`. Every option is optional; `configure` merges. */
export interface Config {
	/**
	 * Navigates after a `redirect` result, and to the page of another page's SvelteKit 3 result
	 * (`invalidateAll` then says whether to refresh). Default: a full navigation (`location.assign`) to
	 * http(s) URLs only. In SvelteKit, pass `goto` from `$app/navigation`.
	 */
	goto: (url: string | URL, options: { invalidateAll: boolean }) => Promise<void> | void;
	/**
	 * Refreshes the app's data after a success. Default: runs every function registered with
	 * `onInvalidate`. In SvelteKit, pass `invalidateAll` from `$app/navigation`.
	 */
	invalidateAll: () => Promise<void> | void;
	/**
	 * Leaves the document for `href`, an http(s) URL already checked: a redirect to another origin,
	 * and the default `goto`. Default: `location.assign(href)`. The test kit's `renderPage` records
	 * the URL instead, since a test's document cannot leave.
	 */
	leave: (href: string) => void | Promise<void>;
	/**
	 * Decides whether a success or failure posted to `action` belongs to the current page (and
	 * so is applied to `page`). Default: same origin and pathname as `location`. Apps whose forms
	 * post to endpoints on other paths (`/api/login` from `/`) return `true` for those. Asked for
	 * results without `location` only: a SvelteKit 3 result names its page itself.
	 */
	isCurrentPage: (action: URL) => boolean;
	/**
	 * The `fetch` every enhanced form posts with, read at each submit (default: the global
	 * `fetch`): add credentials or headers, or route requests in tests.
	 */
	fetch: typeof fetch;
	/** Custom types for `deserialize`: SvelteKit's `transport` hook object works as it is. */
	transport: Record<string, Transporter>;
	/**
	 * The origins (`https://auth.example.com`) a `redirect` result may lead to; the page's own
	 * origin always may. Default: unset, so any http(s) redirect is followed, as a native form
	 * submission follows it.
	 */
	allowedOrigins?: readonly string[];
	/**
	 * The app's own `applyAction`, handed every result after the library applied it to its own
	 * `page` (and after the race rule: a stale result never gets here): a `success` or `failure`
	 * of the current page, and an `error` that no `<ErrorBoundary>` shows. Redirects never get
	 * here (the library checks the target, then calls `goto`). `configure(sveltekit)` sets it
	 * to SvelteKit's, which updates the `form` prop, `$app/state`, `$app/stores`, renders the
	 * nearest `+error.svelte` and resets focus. Default: unset.
	 */
	applyAction?: (result: ActionResult) => Promise<void> | void;
	/**
	 * Decodes the devalue text of a result's `data`, after `deserialize`'s own checks.
	 * `configure(sveltekit)` sets it to SvelteKit's decoding (the app's `transport` hook).
	 * Default: unset, so devalue with the `transport` option's decoders. Whichever of
	 * `decode` and `transport` was configured last decides.
	 */
	decode?: (data: string) => unknown;
	/**
	 * Registers a callback to run after every client-side navigation; `configure` calls it (in
	 * the browser) with what clears `page` and every `<ErrorBoundary>`, so it needs to run while a
	 * component initialises. `configure(sveltekit)` sets SvelteKit's `afterNavigate`.
	 */
	afterNavigate?: (callback: () => void) => void;
	/**
	 * Registers a function to call before each in-app navigation, for as long as the component
	 * being initialised lives: SvelteKit's `beforeNavigate` has this shape (`configure(sveltekit)`
	 * sets it). `unsaved()` guards leaving with it; without it, only `beforeunload` (reloads, other
	 * sites, closing the tab) asks. Default: unset.
	 */
	beforeNavigate?: (callback: BeforeNavigateCallback) => void;
	/**
	 * Plugs for every enhanced form, before each form's own `use`. `configure(sveltekit)` sets
	 * `[sveltekit3()]`, so results of a SvelteKit 3 server follow its rules. Default: none.
	 */
	use?: readonly Plug[];
}
