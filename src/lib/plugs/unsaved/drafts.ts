// Drafts in `sessionStorage`: their keys, their format, and storage that may throw at any call.
import type { FieldState } from './fields.js';

/** What every draft key of ours starts with (`forgetAll` removes exactly these). */
const PREFIX = 'svelte-form-actions:draft:';

/**
 * One edited field: `[name, nth, state]`, `nth` counting the fields of that name; a checkbox or
 * radio adds its value (`nth` then counts the fields of that name and value), so a group whose
 * options were reordered or added to gets back the option picked, not the one now at its place.
 */
export type Entry = [name: string, nth: number, state: FieldState, value?: string];

/** The format version: a draft stored in any other shape is not ours, and is dropped. */
const VERSION = 1;

/**
 * The storage key of a form's draft: the form's key (the app's `key`, else its `id`, else its
 * action) and the page's path and query (`/edit?id=1` and `/edit?id=2` are two records), not its hash.
 */
export function draftKey(formKey: string): string {
	return PREFIX + JSON.stringify([formKey, location.pathname + location.search]);
}

/** `sessionStorage`, unless the browser refuses it (sandboxed frames, disabled storage). */
function storage(): Storage | undefined {
	try {
		return globalThis.sessionStorage;
	} catch {
		return undefined;
	}
}

/** The draft stored under `key`, if it is one this version wrote; anything else is deleted. */
export function loadDraft(key: string): Entry[] | undefined {
	let text: string | null | undefined;
	try {
		text = storage()?.getItem(key);
	} catch {
		return undefined;
	}
	if (text == null) return undefined;
	let draft: unknown;
	try {
		draft = JSON.parse(text);
	} catch {}
	if (isDraft(draft)) return draft.fields;
	removeDraft(key);
	return undefined;
}

function isDraft(draft: unknown): draft is { v: typeof VERSION; fields: Entry[] } {
	if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) return false;
	const { v, fields } = draft as Record<string, unknown>;
	return v === VERSION && Array.isArray(fields) && fields.every(isEntry);
}

function isEntry(entry: unknown): entry is Entry {
	if (!Array.isArray(entry) || entry.length < 3 || entry.length > 4) return false;
	const [name, nth, state, value] = entry as unknown[];
	return (
		typeof name === 'string' &&
		Number.isSafeInteger(nth) &&
		(nth as number) >= 0 &&
		(typeof state === 'string' || typeof state === 'boolean' || (Array.isArray(state) && state.every((item) => typeof item === 'string'))) &&
		(entry.length === 3 || typeof value === 'string')
	);
}

/**
 * Stores a draft made of `entries` (each already JSON), or deletes it when there are none. When
 * storing fails (a full quota, refused storage), the older draft of this form is deleted rather
 * than restored later: no other draft is touched.
 */
export function saveDraft(key: string, entries: Iterable<string>): void {
	const fields = [...entries];
	if (!fields.length) return removeDraft(key);
	try {
		storage()?.setItem(key, `{"v":${VERSION},"fields":[${fields.join(',')}]}`);
	} catch {
		removeDraft(key);
	}
}

export function removeDraft(key: string): void {
	try {
		storage()?.removeItem(key);
	} catch {
		// Refused storage: there is nothing of ours to delete either.
	}
}

/** Deletes every draft of this library in this tab (of every form and page, and of older versions). */
export function forgetAll(): void {
	const keys: string[] = [];
	try {
		const store = storage();
		if (!store) return;
		for (let i = 0; i < store.length; i++) {
			const key = store.key(i);
			if (key?.startsWith(PREFIX)) keys.push(key);
		}
	} catch {
		// A storage that throws while listed: delete what was listed.
	}
	for (const key of keys) removeDraft(key);
}
