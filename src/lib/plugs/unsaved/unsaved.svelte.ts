import { DEV } from 'esm-env';
import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { config } from '../../config.js';
import { draftKey, forgetAll, loadDraft, removeDraft, saveDraft, type Entry } from './drafts.js';
import { fieldsOf, isField, mayKeep, mayRestore, namedFields, read, write, type Field } from './fields.js';
import type { ActionResult, BeforeNavigateCallback, Plug, UnsavedOptions } from '../../types.js';
import { call, read as property } from '../../form/dom.js';

/** The draft keys of the forms tracked now, and who tracks each: two would overwrite each other's. */
const tracked = new Map<string, Unsaved>();

/**
 * What a form holds that was not sent yet: `dirty`, a guard that asks before leaving while it is,
 * and a draft in `sessionStorage` that brings the typed values back after a reload or a crashed
 * tab. Attach it to the form and pass it to `enhance`, which tells it about successes:
 *
 * ```svelte
 * <form method="POST" use:enhance={{ use: [edits] }} {@attach edits.track}>
 * ```
 */
export class Unsaved implements Plug {
	#dirty = $state.raw(false);
	#options: Required<Omit<UnsavedOptions, 'key'>> & Pick<UnsavedOptions, 'key'>;
	#form: HTMLFormElement | undefined;
	/** What each field held at the baseline (as JSON, to compare). */
	#baseline = new Map<Field, string>();
	/** Fields added after the baseline that the user edited. */
	#touched = new Set<Field>();
	/**
	 * The fields that differ from the baseline, each with its draft entry (as JSON), or `undefined`
	 * when it may not be kept. Kept up to date field by field, so a keystroke costs one field's work.
	 */
	#changed = new Map<Field, string | undefined>();
	/** Fields that were `type="password"` while tracked: never kept, even once a "show" toggle made them text. */
	#secret = new WeakSet<Field>();
	#storageKey: string | undefined;
	#writeQueued = false;
	/** While our own `write`s fire events (restoring, discarding): those are no edits. */
	#quiet = false;
	/** Submissions under way, and what the fields held when the newest was sent. */
	#sending = 0;
	#sent = '';

	constructor(options: UnsavedOptions = {}) {
		this.#options = {
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
		for (const field of fieldsOf(form)) if (field.type === 'password') this.#secret.add(field);
		const edited = (event: Event) => {
			const field = event.target;
			if (!this.#quiet && isField(field) && field.form === form) this.#edit(form, field);
		};
		// The reset event comes before the fields are reset.
		const reset = () => queueMicrotask(() => live && this.#recompute());
		// A "show password" toggle makes a password field text: it stays a secret (and a field that
		// becomes a password leaves the draft it was in). An `autocomplete` that turns secret or off
		// takes the field (or the whole form) out of the draft at once, not at its next edit.
		const attributes = new MutationObserver((records) => {
			for (const { target, attributeName, oldValue } of records) {
				if (target === form) this.#recompute();
				else if (!isField(target)) continue;
				else if (attributeName === 'autocomplete') (this.#track(target), this.#settle());
				else if (target.type === 'password' || oldValue?.trim().toLowerCase() === 'password') this.#hide(target);
			}
		});
		attributes.observe(form, { subtree: true, attributeFilter: ['type', 'autocomplete'], attributeOldValue: true });
		call(form, 'addEventListener', 'input', edited);
		call(form, 'addEventListener', 'change', edited);
		call(form, 'addEventListener', 'reset', reset);
		addEventListener('beforeunload', this.#beforeUnload);
		// After the first render: `bind:value` writes its initial value in an effect, and the form's
		// `action` and `id` attributes are set.
		void tick().then(() => {
			if (!live) return;
			this.#storageKey = this.#options.drafts ? this.#claim(form) : undefined;
			this.#rebase();
			this.#restore();
		});
		return () => {
			live = false;
			attributes.disconnect();
			call(form, 'removeEventListener', 'input', edited);
			call(form, 'removeEventListener', 'change', edited);
			call(form, 'removeEventListener', 'reset', reset);
			removeEventListener('beforeunload', this.#beforeUnload);
			if (this.#storageKey && tracked.get(this.#storageKey) === this) tracked.delete(this.#storageKey);
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
			this.#quiet = true;
			try {
				// Every field, not only those edited with events: code may have set some without one.
				for (const field of fieldsOf(form)) {
					const state = this.#baseline.get(field);
					if (state !== undefined && state !== JSON.stringify(read(field))) write(field, JSON.parse(state));
				}
			} finally {
				this.#quiet = false;
			}
			this.#rebase();
		}
		this.#forget();
	}

	/**
	 * The draft key of `form`: the app's `key`, else the form's `id`, else its action; with the page's
	 * path and query. `undefined` (no drafts) when another tracked form has it already.
	 */
	#claim(form: HTMLFormElement): string | undefined {
		const { key } = this.#options;
		const id = call(form, 'getAttribute', 'id');
		// Through `dom.js`: an `<input name="action">` would shadow the property.
		const action = new URL(property(form, 'action'));
		const storageKey = draftKey(key != null ? `key:${key}` : id ? `id:${id}` : `action:${action.pathname}${action.search}`);
		const holder = tracked.get(storageKey);
		if (holder && holder !== this && holder.#form) {
			if (DEV) {
				console.error(
					`unsaved(): two forms on this page keep their drafts under the same key (${storageKey}), so each would restore the other's. Give each its own key, e.g. unsaved({ key: row.id }). This one keeps no draft.`
				);
			}
			return undefined;
		}
		tracked.set(storageKey, this);
		return storageKey;
	}

	/** Takes what the fields hold now as the baseline: nothing is dirty. */
	#rebase() {
		this.#baseline = new Map(this.#form ? fieldsOf(this.#form).map((field) => [field, JSON.stringify(read(field))]) : []);
		this.#touched.clear();
		this.#changed.clear();
		this.#dirty = false;
	}

	/** After an edit of `field`: recompute it (and its radio group), `dirty`, and queue the draft's write. */
	#edit(form: HTMLFormElement, field: Field) {
		if (field.type === 'password') this.#secret.add(field);
		if (!this.#baseline.has(field)) this.#touched.add(field);
		// Checking a radio unchecks the others of its group, which fire no event.
		const group = field.type === 'radio' ? namedFields(form, field.name) : [field];
		for (const member of group) this.#track(member);
		// Fields removed from the form since are no longer edits.
		for (const other of this.#changed.keys()) if (other.form !== form) this.#changed.delete(other);
		this.#settle();
	}

	/** Every field again, in one pass: after a reset or a restore. */
	#recompute() {
		if (!this.#form) return;
		this.#changed.clear();
		const seen = new Map<string, number>();
		for (const field of fieldsOf(this.#form)) {
			const id = draftId(field);
			const nth = (seen.get(id) ?? -1) + 1;
			seen.set(id, nth);
			this.#track(field, nth);
		}
		this.#settle();
	}

	/**
	 * Notes whether `field` differs from the baseline, with its draft entry. `nth` is its place among
	 * the fields of the same draft id; -1 to look it up.
	 */
	#track(field: Field, nth = -1) {
		const state = this.#baseline.get(field);
		const now = read(field);
		if (state === undefined ? !this.#touched.has(field) : state === JSON.stringify(now)) {
			this.#changed.delete(field);
			return;
		}
		let entry: string | undefined;
		if (!this.#secret.has(field) && mayKeep(field, this.#options.exclude)) {
			const id = draftId(field);
			if (nth < 0) nth = namedFields(this.#form!, field.name).filter((other) => draftId(other) === id).indexOf(field);
			entry = JSON.stringify((checkable(field) ? [field.name, nth, now, field.value] : [field.name, nth, now]) satisfies Entry);
		}
		this.#changed.set(field, entry);
	}

	/** A field that is or was a password: never in a draft. */
	#hide(field: Field) {
		this.#secret.add(field);
		if (this.#changed.get(field) === undefined) return;
		this.#changed.set(field, undefined);
		this.#settle();
	}

	/** `dirty` from the changed fields; the draft written once, when this task's edits are done. */
	#settle() {
		this.#dirty = this.#changed.size > 0;
		if (this.#writeQueued || !this.#storageKey) return;
		this.#writeQueued = true;
		// A microtask, not a debounce: it runs before the browser's next task, so a crash loses
		// nothing typed, and the events that one edit fires (`input`, `change`) cost one write.
		queueMicrotask(() => {
			this.#writeQueued = false;
			if (!this.#storageKey) return;
			const entries: string[] = [];
			for (const entry of this.#changed.values()) if (entry) entries.push(entry);
			saveDraft(this.#storageKey, entries);
		});
	}

	/** Puts the stored draft (if any) back into the fields that may hold one, then writes it once. */
	#restore() {
		const draft = this.#storageKey ? loadDraft(this.#storageKey) : undefined;
		if (!draft || !this.#form) return;
		const byId = new Map<string, Field[]>();
		for (const field of this.#baseline.keys()) {
			const id = draftId(field);
			byId.set(id, [...(byId.get(id) ?? []), field]);
		}
		this.#quiet = true;
		try {
			for (const [name, nth, state, value] of draft) {
				const field = byId.get(JSON.stringify(value === undefined ? [name] : [name, value]))?.[nth];
				if (field && !this.#secret.has(field) && mayKeep(field, this.#options.exclude) && mayRestore(field)) write(field, state);
			}
		} finally {
			this.#quiet = false;
		}
		this.#recompute();
	}

	#forget() {
		this.#changed.clear();
		if (this.#storageKey) removeDraft(this.#storageKey);
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
 * <form method="POST" use:enhance={{ use: [edits] }} {@attach edits.track}>
 *   <textarea name="bio"></textarea>
 *   {#if edits.dirty}<button type="button" onclick={() => edits.discard()}>Discard</button>{/if}
 *   <button>Save</button>
 * </form>
 * ```
 */
export const unsaved: {
	(options?: UnsavedOptions): Unsaved;
	/**
	 * Deletes every draft `unsaved()` kept in this tab, of every form and page: call it when the
	 * user logs out, so that the next user of a shared device finds none.
	 */
	forgetAll(): void;
} = /* @__PURE__ */ Object.assign((options?: UnsavedOptions) => new Unsaved(options), { forgetAll });
