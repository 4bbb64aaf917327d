import type { Dialog, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { useDemo } from './harness.js';

const demo = useDemo();

/** Answers every dialog the page opens with `answer`, and lists their types. */
function dialogs(page: Page, answer: (dialog: Dialog) => Promise<void>) {
	const seen: string[] = [];
	page.on('dialog', (dialog) => {
		seen.push(dialog.type());
		void answer(dialog);
	});
	return seen;
}

/** Types a post on the draft page, as a user does (clicks and key presses). */
async function write(page: Page) {
	await page.getByLabel('Title').click();
	await page.keyboard.type('Hello');
	await page.getByLabel('Text').fill('First lines');
	await page.getByLabel('Topic').selectOption('Tutorial');
	await page.getByLabel('Pinned').check();
	await page.getByLabel(/^Password/).fill('secret-42');
	await page.getByText('Not saved yet · “Hello”').waitFor();
}

async function fields(page: Page) {
	return {
		title: await page.getByLabel('Title').inputValue(),
		text: await page.getByLabel('Text').inputValue(),
		topic: await page.getByLabel('Topic').inputValue(),
		pinned: await page.getByLabel('Pinned').isChecked(),
		password: await page.getByLabel(/^Password/).inputValue()
	};
}

const typed = { title: 'Hello', text: 'First lines', topic: 'Tutorial', pinned: true };
const empty = { title: '', text: '', topic: 'News', pinned: false, password: '' };

test('a reload asks first, then brings back what was typed (never the password); bound state follows', async () => {
	const page = await demo.open('/draft');
	const asked = dialogs(page, (dialog) => dialog.accept());
	await write(page);
	const reloaded = page.waitForEvent('load');
	await page.evaluate(() => setTimeout(() => location.reload()));
	await reloaded;
	expect(asked).toEqual(['beforeunload']);
	await page.locator('.mode[data-enhanced="true"]').waitFor();

	await page.getByText('Not saved yet · “Hello”').waitFor();
	expect(await fields(page)).toEqual({ ...typed, password: '' });
});

test('an in-app link asks while there are unsaved edits: staying keeps them, leaving leaves', async () => {
	const page = await demo.open('/draft');
	let answer: 'dismiss' | 'accept' = 'dismiss';
	const asked = dialogs(page, (dialog) => dialog[answer]());
	await write(page);

	await page.getByRole('link', { name: 'Home' }).click();
	await expect.poll(() => asked).toEqual(['confirm']);
	expect(new URL(page.url()).pathname).toBe('/draft');
	expect(await fields(page)).toEqual({ ...typed, password: 'secret-42' });

	answer = 'accept';
	await page.getByRole('link', { name: 'Home' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	expect(asked).toEqual(['confirm', 'confirm']);
	// Coming back in the same tab: the draft is still there.
	await page.getByRole('link', { name: 'Draft' }).click();
	await page.getByText('Not saved yet · “Hello”').waitFor();
	expect(await fields(page)).toEqual({ ...typed, password: '' });
});

test('a success clears the draft and the guard', async () => {
	const page = await demo.open('/draft');
	const asked = dialogs(page, (dialog) => dialog.dismiss());
	await write(page);
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByText('Saved “Hello”.').waitFor();
	await page.getByText('Nothing unsaved').waitFor();

	await page.getByRole('link', { name: 'Home' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	// A full load, as after a crashed tab: no draft left to restore.
	await page.goto(`${demo.origin}/draft`);
	await page.locator('.mode[data-enhanced="true"]').waitFor();
	await page.getByText('Nothing unsaved').waitFor();
	expect(await fields(page)).toEqual(empty);
	expect(asked).toEqual([]);
});

test('a redirect leaves without asking and clears the draft', async () => {
	const page = await demo.open('/draft');
	const asked = dialogs(page, (dialog) => dialog.dismiss());
	await write(page);
	await page.getByRole('button', { name: 'Publish' }).click();
	await page.waitForURL((url) => url.pathname === '/');

	await page.getByRole('link', { name: 'Draft' }).click();
	await page.getByText('Nothing unsaved').waitFor();
	expect(await fields(page)).toEqual(empty);
	expect(asked).toEqual([]);
});

/** What the page keeps in sessionStorage under our drafts' prefix, as text. */
const drafts = (page: Page) =>
	page.evaluate(() => Object.entries(sessionStorage).filter(([key]) => key.startsWith('svelte-form-actions:draft:')).map(([, value]) => value).join('\n'));

/** Reloads the page, leaving without the question, once it is enhanced again. */
async function reload(page: Page) {
	page.on('dialog', (dialog) => void dialog.accept());
	await page.reload();
	await page.locator('.mode[data-enhanced="true"]').waitFor();
}

test('never keeps a password typed while shown as text (a "show password" toggle), nor after it is masked again', async () => {
	const page = await demo.open('/draft');
	await page.getByLabel('Title').fill('Hello');
	const password = page.getByLabel(/^Password/);
	await password.evaluate((input: HTMLInputElement) => (input.type = 'text'));
	await password.click();
	await page.keyboard.type('secret-42');
	await page.getByLabel('Text').fill('Lines');
	expect(await drafts(page)).toContain('Lines');
	expect(await drafts(page)).not.toContain('secret');
	await password.evaluate((input: HTMLInputElement) => (input.type = 'password'));
	await reload(page);
	expect(await page.getByLabel('Text').inputValue()).toBe('Lines');
	expect(await page.getByLabel(/^Password/).inputValue()).toBe('');
	expect(await drafts(page)).not.toContain('secret');
});

test('never keeps text fields whose autocomplete names a secret or a card, nor fields of a form with autocomplete="off"', async () => {
	const page = await demo.open('/draft');
	const tokens = ['current-password', 'new-password', 'one-time-code', 'cc-number', 'section-pay billing cc-csc', 'shipping cc-exp', 'cc-name'];
	await page.locator('form').evaluate((form, tokens) => {
		for (const [i, token] of tokens.entries()) form.insertAdjacentHTML('beforeend', `<input name="s${i}" autocomplete="${token}" aria-label="secret ${i}">`);
	}, tokens);
	for (const i of tokens.keys()) await page.getByLabel(`secret ${i}`).fill(`secret-${i}`);
	await page.getByLabel('Title').fill('Hello');
	expect(await drafts(page)).toContain('Hello');
	expect(await drafts(page)).not.toContain('secret');

	await page.locator('form').evaluate((form) => form.setAttribute('autocomplete', 'off'));
	await page.getByLabel('Title').fill('Hello again');
	expect(await drafts(page)).toBe('');
});

test('a draft that no longer fits the storage quota deletes the older one, never breaks the form, and leaves other data alone', async () => {
	const page = await demo.open('/draft');
	await page.getByLabel('Title').fill('Older');
	expect(await drafts(page)).toContain('Older');
	// Fill the origin's quota with someone else's data, to the last character that fits.
	const fillers = await page.evaluate(() => {
		let count = 0;
		for (let size = 1 << 20; size >= 1; size >>= 1) {
			for (;;) {
				try {
					sessionStorage.setItem(`filler-${count}`, 'x'.repeat(size));
					count++;
				} catch {
					break;
				}
			}
		}
		return count;
	});
	await page.getByLabel('Text').fill('y'.repeat(10_000));
	await page.getByText('Not saved yet').waitFor();
	expect(await drafts(page)).toBe('');
	expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('filler-')).length)).toBe(fillers);
	await page.evaluate(() => {
		for (const key of Object.keys(sessionStorage)) if (key.startsWith('filler-')) sessionStorage.removeItem(key);
	});
	await reload(page);
	expect(await page.getByLabel('Title').inputValue()).toBe('');
});
