import type { ActionResult, Plug, SubmissionOptions, SubmitInput } from '../types.js';

/**
 * The reactive state of one form's submissions, for pending UI without callbacks. Pass it as
 * `use:enhance={{ use: [saving] }}` (a plug); read it anywhere (`$derived`, markup, `$effect`).
 */
export class Submission<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
> implements Plug<Success, Failure> {
	#delayed = $state.raw(false);
	#timedOut = $state.raw(false);
	#result = $state.raw<ActionResult<Success, Failure> | null>(null);
	/** Submissions under way, oldest first; replaced whole, so readers see every change. */
	#going = $state.raw<readonly SubmitInput[]>([]);
	#delay: number;
	#timeout: number;
	#timers: ReturnType<typeof setTimeout>[] = [];

	constructor({ delay = 500, timeout = 8000 }: SubmissionOptions = {}) {
		this.#delay = delay;
		this.#timeout = timeout;
	}

	/** Whether a submission of the form is under way (from its request to the end of its callback). */
	get submitting(): boolean {
		return this.#going.length > 0;
	}
	/** Whether the form has been submitting for longer than `delay`: the moment to show a spinner. */
	get delayed(): boolean {
		return this.#delayed;
	}
	/** Whether the form has been submitting for longer than `timeout`: "still trying…". */
	get timedOut(): boolean {
		return this.#timedOut;
	}
	/** The data being submitted (of the newest submission under way), else `null`: for optimistic UI. */
	get formData(): FormData | null {
		return this.#going.at(-1)?.formData ?? null;
	}
	/** The result of the form's last submission that had one (kept while the next is under way). */
	get result(): ActionResult<Success, Failure> | null {
		return this.#result;
	}

	/** Called by `enhance` as a request is sent; returns what it calls when that submission ends. */
	start(input: SubmitInput): (result: ActionResult<Success, Failure> | undefined) => void {
		// The clock runs while the form is busy, not per request: a repeated submit does not
		// hide a spinner that is already showing.
		if (this.#going.length === 0) {
			this.#timers = [
				setTimeout(() => (this.#delayed = true), this.#delay),
				setTimeout(() => (this.#timedOut = true), this.#timeout)
			];
		}
		this.#going = [...this.#going, input];
		return (result) => {
			if (result) this.#result = result;
			this.#going = this.#going.filter((going) => going !== input);
			if (this.#going.length > 0) return;
			for (const timer of this.#timers) clearTimeout(timer);
			this.#timers = [];
			this.#delayed = false;
			this.#timedOut = false;
		};
	}
}

/**
 * Creates the reactive state of a form's submissions.
 *
 * ```svelte
 * <script>
 *   import { enhance, submission } from 'svelte-form-actions';
 *   const save = submission({ delay: 300 });
 * </script>
 *
 * <form method="POST" use:enhance={{ use: [save] }}>
 *   <button disabled={save.submitting}>{save.delayed ? 'Saving…' : 'Save'}</button>
 * </form>
 * ```
 */
export function submission<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
>(options?: SubmissionOptions): Submission<Success, Failure> {
	return new Submission(options);
}
