import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useDemo } from './harness.js';

/**
 * Family 3 of the reliability issue, proven in Chromium (jsdom gives forms no named properties):
 * DOM clobbering. The /clobber demo page gives its enhanced form a control named after each
 * `field` of the query; the test then adds `<img name>`s that shadow what the library reads on
 * `document`, and an `autofocus` on the form (the element a success focuses). Whatever the names
 * (every method and property a form inherits), each kind of result is applied: the form ends
 * idle, a failure focuses the invalid field, an error shows in the boundary and takes focus, only
 * a success resets, and nothing throws or rejects in the page (the harness fails a test on any
 * uncaught error or unhandled rejection).
 *
 * The test's own page code goes through the prototypes too, and uses no Playwright locator once
 * the page is clobbered: Playwright's injected script reads `element.getAttribute` and breaks.
 * Svelte itself reads `document.createElement` while rendering, so that name is left out.
 */

const demo = useDemo();

type Outcome = 'Succeed' | 'Fail' | 'Break';

/** Every property name of the prototypes a form inherits (its named controls shadow them all). */
function formPropertyNames(page: Page) {
	return page.evaluate(() => {
		const names = new Set<string>();
		for (const type of [HTMLFormElement, HTMLElement, Element, Node, EventTarget, Object]) {
			for (const name of Object.getOwnPropertyNames(type.prototype)) names.add(name);
		}
		return [...names];
	});
}

/** What the library reads on `document`, each shadowed by an `<img name>`. */
const DOCUMENT_NAMES = ['querySelector', 'body'];

async function open(fields: string[], { images = [] as string[], autofocus = false } = {}) {
	const query = new URLSearchParams();
	for (const name of fields) query.append('field', name);
	const page = await demo.open(`/clobber?${query}`);
	await page.evaluate(
		({ images, autofocus }) => {
			const form = Document.prototype.querySelector.call(document, 'form')!;
			// Focusable, so the success's focus reset visibly lands on it (through its `focus`).
			if (autofocus) for (const name of ['autofocus', 'tabindex']) Element.prototype.setAttribute.call(form, name, name === 'tabindex' ? '-1' : '');
			const main = Document.prototype.querySelector.call(document, 'main')!;
			for (const name of images) {
				const image = Document.prototype.createElement.call(document, 'img');
				image.setAttribute('name', name);
				main.append(image);
			}
		},
		{ images, autofocus }
	);
	return page;
}

/** Reads the page through the prototypes: what was typed, the result, the focus, the alert. */
function state(page: Page) {
	return page.evaluate(() => {
		const $ = (selector: string) => Document.prototype.querySelector.call(document, selector);
		const active = Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')!.get!.call(document) as Element | null;
		return {
			typed: [...Document.prototype.querySelectorAll.call(document, 'form input')].map((input) => (input as HTMLInputElement).value),
			idle: $('output')?.textContent === 'Idle',
			result: $('[data-testid=result]')?.textContent,
			alert: $('[role=alert] p')?.textContent ?? null,
			focus:
				active &&
				(Element.prototype.getAttribute.call(active, 'name') ??
					Element.prototype.getAttribute.call(active, 'role') ??
					Object.getOwnPropertyDescriptor(Element.prototype, 'localName')!.get!.call(active))
		};
	});
}

/** Types into every field, submits with the outcome's button, and checks what the user gets. */
async function submitAndCheck(page: Page, outcome: Outcome, autofocus = false) {
	await page.evaluate(() => {
		const inputs = Document.prototype.querySelectorAll.call(document, 'form input');
		inputs.forEach((input, i) => ((input as HTMLInputElement).value = `typed ${i} ❤`));
	});
	const typed = (await state(page)).typed;
	const answered = page.waitForResponse((response) => response.request().method() === 'POST');
	await page.evaluate((name) => {
		const form = Document.prototype.querySelector.call(document, 'form') as HTMLFormElement;
		const buttons = [...Document.prototype.querySelectorAll.call(document, 'form button')];
		// Through the prototype: a control named `requestSubmit` shadows the form's.
		HTMLFormElement.prototype.requestSubmit.call(form, buttons.find((button) => button.textContent === name) as HTMLElement);
	}, outcome);
	await answered;
	const expected = {
		Succeed: { result: 'Saved', alert: null, focus: autofocus ? 'form' : 'body' },
		Fail: { result: 'Fix the note', alert: null, focus: 'note' },
		Break: { alert: 'Broken on purpose', focus: 'alert' }
	}[outcome];
	await expect.poll(() => state(page)).toMatchObject({ idle: true, ...expected });
	const after = await state(page);
	if (outcome === 'Succeed') expect(new Set(after.typed)).toEqual(new Set(['']));
	else expect(after.typed).toEqual(typed);
	if (outcome === 'Break') {
		await page.evaluate(() => (Document.prototype.querySelector.call(document, '[role=alert] button') as HTMLButtonElement).click());
	}
}

test('controls named after every property of HTMLFormElement, HTMLElement, Element, Node, EventTarget and Object', async () => {
	const names = await formPropertyNames(await demo.open('/clobber'));
	expect(names).toEqual(expect.arrayContaining(['closest', 'querySelector', 'reset', 'action', 'focus', 'addEventListener']));
	// In batches, so the query string stays a reasonable size.
	for (let i = 0; i < names.length; i += 150) {
		const page = await open(names.slice(i, i + 150), { images: DOCUMENT_NAMES, autofocus: true });
		for (const outcome of ['Fail', 'Break', 'Succeed'] as const) await submitAndCheck(page, outcome, true);
		await page.context().close();
	}
});

test("the issue's examples: a field named closest, one named querySelector", async () => {
	for (const name of ['closest', 'querySelector']) {
		const page = await open([name]);
		for (const outcome of ['Fail', 'Break', 'Succeed'] as const) await submitAndCheck(page, outcome);
	}
});

test('images named after what the library reads on document; the live region still goes to the body', async () => {
	const page = await open(['note'], { images: DOCUMENT_NAMES });
	expect(await page.evaluate(() => (document as { body: unknown }).body instanceof HTMLImageElement)).toBe(true);
	for (const outcome of ['Fail', 'Break', 'Succeed'] as const) await submitAndCheck(page, outcome);
	const parent = await page.evaluate(() => Document.prototype.querySelector.call(document, '[data-form-announcer]')?.parentElement?.localName);
	expect(parent).toBe('body');
});

test('random controls named from the prototypes, random images, random results', async () => {
	const names = await formPropertyNames(await demo.open('/clobber'));
	await fc.assert(
		fc.asyncProperty(
			fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 4 }),
			fc.subarray(DOCUMENT_NAMES),
			fc.array(fc.constantFrom<Outcome>('Succeed', 'Fail', 'Break'), { minLength: 1, maxLength: 3 }),
			fc.boolean(),
			async (fields, images, outcomes, autofocus) => {
				const page = await open(fields, { images, autofocus });
				for (const outcome of outcomes) await submitAndCheck(page, outcome, autofocus);
				await page.context().close();
			}
		),
		{ numRuns: 6 }
	);
	// Each run loads a page in Chromium: a generous limit for a busy machine, not a timing check.
}, 120_000);
