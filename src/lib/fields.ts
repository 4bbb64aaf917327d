/** A form control that holds something the user typed or picked. */
export type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What a field holds: its value, whether it is checked, or the values of its selected options. */
export type FieldState = string | boolean | string[];

/** Input types that hold nothing a user edits. */
const NOT_EDITED = ['hidden', 'submit', 'reset', 'button', 'image'];

/** The form's named fields a user edits, in document order. */
export function fieldsOf(form: HTMLFormElement): Field[] {
	const fields: Field[] = [];
	// From the prototype: an `<input name="elements">` would shadow `form.elements` (DOM clobbering).
	const elements = Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'elements')!.get!.call(form);
	for (const element of elements as HTMLFormControlsCollection) {
		const field = element as Field;
		if (!field.name) continue;
		if (element instanceof HTMLInputElement ? !NOT_EDITED.includes(element.type) : element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) {
			fields.push(field);
		}
	}
	return fields;
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
 * Whether `field` may be written to `sessionStorage`: never passwords, files, one-time codes or
 * payment card fields (`autocomplete="cc-…"`, with or without a section or billing/shipping
 * token), nor a name the app excludes.
 */
export function mayKeep(field: Field, exclude: readonly string[]): boolean {
	if (field.type === 'password' || field.type === 'file' || exclude.includes(field.name)) return false;
	const tokens = (field.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
	return !tokens.some((token) => token === 'one-time-code' || token.startsWith('cc-'));
}
