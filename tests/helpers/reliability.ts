import { render } from '@testing-library/svelte';
import { afterEach, beforeEach, expect } from 'vitest';
import type { EnhanceOptions } from '../../src/lib/index.js';
import ReliableForm from '../fixtures/ReliableForm.svelte';

/** What the user typed: astral characters, markup, a NUL, spaces at both ends, line breaks. */
const TYPED = { title: ' Ada ❤ 😀 <b>&amp;</b> \u0000x ', notes: 'line one\nline two\n\n', agree: true };

/** The fields' values, as a server would read them (strings compared exactly). */
export function typed(form: HTMLFormElement) {
	const field = (name: string) => form.querySelector(`[name=${name}]`) as HTMLInputElement;
	return { title: field('title').value, notes: field('notes').value, agree: field('agree').checked };
}

/** Mounts the form (in the root error boundary) with `options`, and types into it. */
export function mountTyped(options: EnhanceOptions) {
	const { unmount } = render(ReliableForm, { options });
	const form = document.querySelector('form')!;
	(form.querySelector('[name=title]') as HTMLInputElement).value = TYPED.title;
	(form.querySelector('[name=notes]') as HTMLTextAreaElement).value = TYPED.notes;
	(form.querySelector('[name=agree]') as HTMLInputElement).checked = TYPED.agree;
	return { form, unmount };
}

/** Asserts that every field holds exactly what was typed. */
export function expectTyped(form: HTMLFormElement) {
	expect(typed(form)).toEqual(TYPED);
}

/** The root boundary's text, or null when it shows nothing. */
export function alertText(): string | null {
	return document.querySelector('[role=alert] p')?.textContent ?? null;
}

/**
 * Records unhandled promise rejections and uncaught errors (a component that crashed while
 * rendering, an event listener that threw) during each test; vitest would report some of them
 * only after the fact: the tests check `rejections` themselves.
 */
export function watchRejections() {
	const rejections: unknown[] = [];
	const record = (reason: unknown) => rejections.push(reason);
	const recordEvent = (event: ErrorEvent) => rejections.push(event.error);
	beforeEach(() => {
		rejections.length = 0;
		process.on('unhandledRejection', record);
		window.addEventListener('error', recordEvent);
	});
	afterEach(() => {
		process.off('unhandledRejection', record);
		window.removeEventListener('error', recordEvent);
	});
	return rejections;
}

/** Lets Node report unhandled rejections (it does once the microtask queue is empty). */
export function settle() {
	return new Promise((resolve) => setImmediate(resolve));
}
