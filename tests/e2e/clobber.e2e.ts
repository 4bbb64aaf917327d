import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useDemo } from './harness.js';

/**
 * Family 3 of the reliability issue, proven in Chromium (jsdom gives forms no named properties):
 * DOM clobbering. The /clobber demo page gives its enhanced form a control named after each
 * `field` of the query, and the page an `<img>` named after each `document` one. Whatever the
 * names (every method and property of the prototypes a form and a document inherit), each kind
 * of result is applied: the form ends idle, a failure focuses the invalid field, an error shows
 * in the boundary and takes focus, only a success resets, and nothing throws or rejects in the
 * page (the harness fails a test on any uncaught error or unhandled rejection).
 */

const demo = useDemo();

type Outcome = 'Succeed' | 'Fail' | 'Break';

/** Every property name of the prototypes a form's, or the document's, named properties shadow. */
function prototypeNames(page: Page, of: 'form' | 'document') {
	return page.evaluate((of) => {
		const chains = {
			form: [HTMLFormElement, HTMLElement, Element, Node, EventTarget],
			document: [Document, Node, EventTarget]
		};
		const names = new Set<string>();
		for (const type of chains[of]) for (const name of Object.getOwnPropertyNames(type.prototype)) names.add(name);
		for (const name of Object.getOwnPropertyNames(Object.prototype)) names.add(name);
		return [...names];
	}, of);
}

async function open(fields: string[], documentNames: string[] = [], autofocus = false) {
	const query = new URLSearchParams();
	for (const name of fields) query.append('field', name);
	for (const name of documentNames) query.append('document', name);
	if (autofocus) query.set('autofocus', '');
	const page = await demo.open(`/clobber?${query}`);
	if (documentNames.length) await page.locator('img').first().waitFor({ state: 'attached' });
	return page;
}

/** What the user typed, field by field (the named controls included). */
async function typedValues(page: Page) {
	return page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('form input')].map((input) => input.value));
}

/** Types into every field, submits with `button` (through the prototype: `requestSubmit` may be shadowed), checks the outcome. */
async function submitAndCheck(page: Page, outcome: Outcome) {
	await page.evaluate(() => {
		document.querySelectorAll<HTMLInputElement>('form input').forEach((input, i) => (input.value = `typed ${i} ❤`));
		(document.activeElement as HTMLElement | null)?.blur();
	});
	const typed = await typedValues(page);
	const answered = page.waitForResponse((response) => response.request().method() === 'POST');
	await page.evaluate((name) => {
		const form = document.querySelector('form')!;
		const button = [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
		HTMLFormElement.prototype.requestSubmit.call(form, button);
	}, outcome);
	await answered;
	await page.locator('output', { hasText: 'Idle' }).waitFor();

	if (outcome === 'Succeed') {
		await page.getByTestId('result').getByText('Saved').waitFor();
		expect(new Set(await typedValues(page))).toEqual(new Set(['']));
	} else if (outcome === 'Fail') {
		await page.getByTestId('result').getByText('Fix the note').waitFor();
		// focusInvalid() found the field through the form's own querySelector.
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('note');
		expect(await typedValues(page)).toEqual(typed);
	} else {
		const alert = page.getByRole('alert');
		await alert.getByText('Broken on purpose').waitFor();
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
		expect(await typedValues(page)).toEqual(typed);
		await alert.getByRole('button', { name: 'Dismiss' }).click();
	}
}

test('controls named after every property of HTMLFormElement, HTMLElement, Element, Node, EventTarget and Object', async () => {
	const names = await prototypeNames(await demo.open('/clobber'), 'form');
	expect(names).toEqual(expect.arrayContaining(['closest', 'querySelector', 'reset', 'action', 'addEventListener']));
	// In batches, so the query string stays a reasonable size.
	for (let i = 0; i < names.length; i += 150) {
		const page = await open(names.slice(i, i + 150), [], true);
		for (const outcome of ['Fail', 'Break', 'Succeed'] as const) await submitAndCheck(page, outcome);
	}
});

test("the issue's examples: a field named closest, one named querySelector", async () => {
	for (const name of ['closest', 'querySelector']) {
		const page = await open([name]);
		for (const outcome of ['Fail', 'Break', 'Succeed'] as const) await submitAndCheck(page, outcome);
	}
});

test('images named after what the library reads on document (querySelector, body, createElement)', async () => {
	const page = await open(['closest'], ['querySelector', 'body', 'createElement']);
	expect(await page.evaluate(() => (document as any).body instanceof HTMLImageElement)).toBe(true);
	for (const outcome of ['Fail', 'Break', 'Succeed'] as const) await submitAndCheck(page, outcome);
	// The live region of announce() went to the real body, not into an image.
	expect(await page.evaluate(() => document.querySelector('[data-form-announcer]')?.parentElement?.localName)).toBe('body');
});

test('random controls and images, named from the prototypes, with random results', async () => {
	const start = await demo.open('/clobber');
	const formNames = await prototypeNames(start, 'form');
	const documentNames = await prototypeNames(start, 'document');
	await fc.assert(
		fc.asyncProperty(
			fc.uniqueArray(fc.constantFrom(...formNames), { minLength: 1, maxLength: 4 }),
			fc.uniqueArray(fc.constantFrom('querySelector', 'body', 'createElement', 'activeElement', 'documentElement'), { maxLength: 2 }),
			fc.array(fc.constantFrom<Outcome>('Succeed', 'Fail', 'Break'), { minLength: 1, maxLength: 3 }),
			fc.boolean(),
			async (fields, images, outcomes, autofocus) => {
				const page = await open(fields, images, autofocus);
				for (const outcome of outcomes) await submitAndCheck(page, outcome);
				await page.context().close();
			}
		),
		{ numRuns: 8 }
	);
	expect(documentNames).toContain('querySelector');
});
