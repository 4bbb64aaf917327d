import { call, read as property } from '../../form/dom.js';

/** A form control that holds something the user typed or picked. */
export type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What a field holds: its value, whether it is checked, or the values of its selected options. */
export type FieldState = string | boolean | string[];

/** Input types that hold nothing a user edits. */
const NOT_EDITED = ['hidden', 'submit', 'reset', 'button', 'image'];

/** Through `dom.js`: an `<input name="elements">` would shadow `form.elements` (DOM clobbering). */
function elements(form: HTMLFormElement): HTMLFormControlsCollection {
	return property(form, 'elements');
}

/** Whether `element` is a named field a user edits. */
export function isField(element: unknown): element is Field {
	if (element instanceof HTMLInputElement) return !!element.name && !NOT_EDITED.includes(element.type);
	return (element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) && !!element.name;
}

/** The form's named fields a user edits, in document order. */
export function fieldsOf(form: HTMLFormElement): Field[] {
	return [...elements(form)].filter(isField);
}

/** The form's fields named `name`, in document order (one lookup, not a pass over the form). */
export function namedFields(form: HTMLFormElement, name: string): Field[] {
	const named = call(elements(form), 'namedItem', name);
	// `namedItem` matches ids too.
	return (named instanceof RadioNodeList ? [...named] : [named]).filter((field): field is Field => isField(field) && field.name === name);
}

/** What `field` holds now. Files are named with size and date: enough to tell a new pick. */
export function read(field: Field): FieldState {
	if (field instanceof HTMLSelectElement) return [...field.selectedOptions].map((option) => option.value);
	if (field.type === 'checkbox' || field.type === 'radio') return (field as HTMLInputElement).checked;
	if (field.type === 'file') return [...((field as HTMLInputElement).files ?? [])].map((file) => `${file.name}:${file.size}:${file.lastModified}`);
	return field.value;
}

/**
 * Puts `state` into `field`, then fires `input` and `change` as a user's edit would, so that
 * `bind:value`, `bind:checked` and `bind:group` state follows (Svelte listens to one or the other).
 */
export function write(field: Field, state: FieldState): void {
	if (field instanceof HTMLSelectElement) {
		// A value none of its options has (the markup changed since the draft) would select
		// nothing, which a one-line select shows as its first option: leave the field as it is.
		const values = [...field.options].map((option) => option.value);
		if (!Array.isArray(state) || !state.every((value) => values.includes(value))) return;
		if (!field.multiple && state.length > 1) return;
		for (const option of field.options) option.selected = state.includes(option.value);
	} else if (field.type === 'checkbox' || field.type === 'radio') {
		if (typeof state !== 'boolean') return;
		(field as HTMLInputElement).checked = state;
	} else if (typeof state === 'string' && field.type !== 'file') {
		field.value = state;
	} else return;
	field.dispatchEvent(new Event('input', { bubbles: true }));
	field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Autofill field names whose values are secrets or payment data (HTML's autocomplete tokens;
 * `cc-` covers every payment card token: cc-name, cc-number, cc-exp, cc-csc, cc-type…).
 */
const SECRET = /^(?:current-password|new-password|one-time-code|cc-.*)$/;

/** An element's `autocomplete` attribute as its tokens (lower case, split on ASCII whitespace). */
function autocomplete(element: Element): string[] {
	return (call(element, 'getAttribute', 'autocomplete') ?? '').toLowerCase().split(/[\t\n\f\r ]+/).filter(Boolean);
}

/**
 * Whether `field` may be written to `sessionStorage`: never passwords, files, secret or payment
 * autofill tokens (with or without a section or billing/shipping token in front), nor a field
 * whose autofill is off as the browser decides on history traversal (its own `autocomplete`
 * attribute, or its form's when it has none), nor a name the app excludes.
 */
export function mayKeep(field: Field, exclude: readonly string[]): boolean {
	if (field.type === 'password' || field.type === 'file' || exclude.includes(field.name)) return false;
	const own = autocomplete(field);
	if (own.some((token) => SECRET.test(token))) return false;
	if (own.length) return own.join(' ') !== 'off';
	const form = field.form;
	return !form || autocomplete(form).join(' ') !== 'off';
}

/** Whether a draft may be put into `field`: not when the user could not have typed it there. */
export function mayRestore(field: Field): boolean {
	return !call(field, 'hasAttribute', 'readonly') && !call(field, 'matches', ':disabled');
}
