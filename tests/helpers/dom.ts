import { enhance } from '../../src/lib/index.js';
import type { EnhanceOptions, SubmitFunction } from '../../src/lib/index.js';

/** Puts `html` in the document and returns its first form. */
export function mountForm(html: string): HTMLFormElement {
	document.body.innerHTML = html;
	return document.querySelector('form')!;
}

/** Mounts `html` and enhances its form, as `use:enhance={submit}` would. */
export function enhanced(html: string, submit?: SubmitFunction | EnhanceOptions) {
	const form = mountForm(html);
	const action = enhance(form, submit);
	return { form, action };
}

/** Lets every pending task run once: enough for a submit handler to reach `fetch`. */
export function nextTask() {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A promise with its resolver, for "this happened" signals from callbacks. */
export function deferred<T = void>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}
