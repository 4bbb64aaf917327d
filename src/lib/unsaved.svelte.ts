import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { config } from './config.js';
import { fieldsOf, mayKeep, read, write, type Field, type FieldState } from './fields.js';
import type { ActionResult, BeforeNavigateCallback, SubmissionObserver, UnsavedOptions } from './types.js';

/**
 * A draft in `sessionStorage`: `[name, nth, state]` for each edited field, `nth` counting the fields
 * of that name; a checkbox or radio adds its value (`nth` then counts the fields of that name and
 * value), so a group whose options were reordered or added to gets back the option picked, not
 * the one now at its place.
 */
type Draft = [name: string, nth: number, state: FieldState, value?: string][];

const on = EventTarget.prototype.addEventListener;
const off = EventTarget.prototype.removeEventListener;

/**
 * What a form holds that was not sent yet: `dirty`, a guard that asks before leaving while it is,
 * and a draft in `sessionStorage` that brings the typed values back after a reload or a crashed
 * tab. Attach it to the form and pass it to `enhance`, which tells it about successes:
 *
 * ```svelte
 * <form method="POST" use:enhance={{ unsaved: edits }} {@attach edits.track}>
 * ```
 */
export class Unsaved implements SubmissionObserver {
	#dirty = $state.raw(false);
	#options: Required<Omit<UnsavedOptions, 'key'>> & { key: string };
	#form: HTMLFormElement | undefined;
	/** What each field held at the baseline (as JSON, to compare). */
	#baseline = new Map<Field, string>();
	/** Fields added after the baseline that the user edited. */
	#touched = new Set<Field>();
	#storageKey: string | undefined;
	/** Submissions under way, and what the fields held when the newest was sent. */
	#sending = 0;
	#sent = '';

	constructor(options: UnsavedOptions = {}) {
		this.#options = {
			key: '',
			drafts: true,
			guard: true,
			exclude: [],
			message: 'This page has changes that were not saved. Leave it anyway?',
			...options
		};
		// Inside SvelteKit (`configure(sveltekit)`), its router's navigations ask too. SvelteKit's
		// `beforeNavigate` must be called while a component initialises: so must `unsaved()`.
		if (this.#options.guard) config.beforeNavigate?.(this.#beforeNavigate);
	}

	/** Whether the form holds edits not sent yet (since it was enhanced, or since its last success). */
	get dirty(): boolean {
		return this.#dirty;
	}

	/**
	 * The attachment that follows the form: `{@attach edits.track}`. It takes the baseline, restores
	 * the form's draft if there is one, and listens to edits and to leaving the page.
	 */
	readonly track: Attachment<HTMLFormElement> = (form) => {
		let live = true;
		this.#form = form;
		const edited = (event: Event) => {
			const field = event.target as Field;
			if (!this.#baseline.has(field)) this.#touched.add(field);
			this.#update();
		};
		// The reset event comes before the fields are reset.
		const reset = () => queueMicrotask(() => live && this.#update());
		on.call(form, 'input', edited);
		on.call(form, 'change', edited);
		on.call(form, 'reset', reset);
		addEventListener('beforeunload', this.#beforeUnload);
		// After the first render: `bind:value` writes its initial value in an effect.
		void tick().then(() => {
			if (!live) return;
			const action = new URL((HTMLElement.prototype.cloneNode.call(form) as HTMLFormElement).action);
			this.#storageKey = `svelte-form-actions:draft:${JSON.stringify([this.#options.key, location.pathname, action.pathname + action.search])}`;
			this.#rebase();
			this.#restore();
		});
		return () => {
			live = false;
			off.call(form, 'input', edited);
			off.call(form, 'change', edited);
			off.call(form, 'reset', reset);
			removeEventListener('beforeunload', this.#beforeUnload);
			if (this.#form === form) this.#form = undefined;
		};
	};

	/** Called by `enhance` as a request is sent; a success or a redirect makes the form clean. */
	start(): (result: ActionResult | undefined) => Promise<void> {
		this.#sending++;
		this.#sent = this.#snapshot();
		return async (result) => {
			this.#sending--;
			if (result?.type !== 'success' && result?.type !== 'redirect') return;
			this.#forget();
			// A success shows its data (`value={page.form?.x}`) on the next render: that is the baseline.
			await tick();
			this.#rebase();
		};
	}

	/** Discards the edits: the fields go back to the baseline and the draft is deleted. */
	discard(): void {
		const form = this.#form;
		if (form) {
			for (const field of fieldsOf(form)) {
				const state = this.#baseline.get(field);
				if (state !== undefined && state !== JSON.stringify(read(field))) write(field, JSON.parse(state));
			}
			this.#rebase();
		}
		this.#forget();
	}

	/** Takes what the fields hold now as the baseline: nothing is dirty. */
	#rebase() {
		this.#baseline = new Map(this.#form ? fieldsOf(this.#form).map((field) => [field, JSON.stringify(read(field))]) : []);
		this.#touched.clear();
		this.#dirty = false;
	}

	#changed(field: Field): boolean {
		const state = this.#baseline.get(field);
		return state === undefined ? this.#touched.has(field) : state !== JSON.stringify(read(field));
	}

	/** After an edit: recompute `dirty`, and keep (or delete) the draft. */
	#update() {
		if (!this.#form) return;
		const fields = fieldsOf(this.#form);
		this.#dirty = fields.some((field) => this.#changed(field));
		const storage = sessionStorageOrNot();
		if (!storage || !this.#storageKey || !this.#options.drafts) return;
		const draft: Draft = [];
		const seen: Record<string, number> = {};
		for (const field of fields) {
			const id = draftId(field);
			const nth = (seen[id] = (seen[id] ?? -1) + 1);
			if (!this.#changed(field) || !mayKeep(field, this.#options.exclude)) continue;
			draft.push(checkable(field) ? [field.name, nth, read(field), field.value] : [field.name, nth, read(field)]);
		}
		try {
			if (draft.length) storage.setItem(this.#storageKey, JSON.stringify(draft));
			else storage.removeItem(this.#storageKey);
		} catch {
			// Storage full or refused: the draft is a convenience, the form goes on.
		}
	}

	/** Puts the stored draft (if any) back into the fields that may hold one. */
	#restore() {
		const text = this.#storageKey && this.#options.drafts && sessionStorageOrNot()?.getItem(this.#storageKey);
		if (!text || !this.#form) return;
		let draft: Draft;
		try {
			draft = JSON.parse(text);
			if (!Array.isArray(draft)) return;
		} catch {
			return;
		}
		const fields = fieldsOf(this.#form);
		for (const [name, nth, state, value] of draft) {
			const id = JSON.stringify(value === undefined ? [name] : [name, value]);
			const field = fields.filter((field) => draftId(field) === id)[nth];
			if (field && mayKeep(field, this.#options.exclude)) write(field, state);
		}
		this.#update();
	}

	#forget() {
		try {
			if (this.#storageKey) sessionStorageOrNot()?.removeItem(this.#storageKey);
		} catch {}
	}

	#snapshot(): string {
		return JSON.stringify(this.#form ? fieldsOf(this.#form).map(read) : []);
	}

	/**
	 * Whether leaving now loses edits. Not while the values are on their way, unchanged since they
	 * were sent: a redirect answering them leaves the page, as a native form post would.
	 */
	#asks(): boolean {
		return !!this.#form && this.#dirty && !this.#sendingUnchanged();
	}

	#sendingUnchanged(): boolean {
		return this.#sending > 0 && this.#snapshot() === this.#sent;
	}

	#beforeUnload = (event: BeforeUnloadEvent) => {
		if (!this.#options.guard || !this.#asks()) return;
		event.preventDefault();
		// Older browsers ask only when `returnValue` is set to some text (which none shows).
		event.returnValue = this.#options.message;
	};

	#beforeNavigate: BeforeNavigateCallback = (navigation) => {
		// Leaving the document (reload, another site): `beforeunload` asks, in the browser's words.
		if (navigation.willUnload || !this.#form) return;
		// A `goto` while the values are on their way is the redirect that answers them.
		if (navigation.type === 'goto' && this.#sendingUnchanged()) return this.#forget();
		if (this.#asks() && !confirm(this.#options.message)) navigation.cancel();
	};
}

function checkable(field: Field): boolean {
	return field.type === 'checkbox' || field.type === 'radio';
}

/** What a draft entry names: the field's name, and a checkbox's or radio's value. */
function draftId(field: Field): string {
	return JSON.stringify(checkable(field) ? [field.name, field.value] : [field.name]);
}

/** `sessionStorage`, unless the browser refuses it (sandboxed frames, disabled storage). */
function sessionStorageOrNot(): Storage | undefined {
	try {
		return globalThis.sessionStorage;
	} catch {
		return undefined;
	}
}

/**
 * Follows what a form holds that was not sent yet. Call it while the component initialises
 * (inside SvelteKit, its `beforeNavigate` needs that), then attach it and pass it to `enhance`:
 *
 * ```svelte
 * <script>
 *   import { enhance, unsaved } from 'svelte-form-actions';
 *   const edits = unsaved({ key: 'profile' });
 * </script>
 *
 * <form method="POST" use:enhance={{ unsaved: edits }} {@attach edits.track}>
 *   <textarea name="bio"></textarea>
 *   {#if edits.dirty}<button type="button" onclick={() => edits.discard()}>Discard</button>{/if}
 *   <button>Save</button>
 * </form>
 * ```
 */
export function unsaved(options?: UnsavedOptions): Unsaved {
	return new Unsaved(options);
}
