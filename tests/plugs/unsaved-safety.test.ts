// The promises of drafts (SECURITY.md, "Drafts"): never keep a secret, never cross records,
// survive any storage; and what a keystroke and a restore cost, counted in storage writes.
import fc from 'fast-check';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { unsaved, type UnsavedOptions } from '../../src/lib/index.js';

const PREFIX = 'svelte-form-actions:draft:';

const stops: Array<() => void> = [];
/** Plain markup followed by `unsaved()`, past its first render; `stop` detaches it (a reload). */
async function tracked(html: string, options?: UnsavedOptions, selector = 'form') {
	document.body.innerHTML = html;
	const form = document.querySelector<HTMLFormElement>(selector)!;
	const edits = unsaved(options);
	const stop = edits.track(form) as () => void;
	stops.push(stop);
	await tick();
	return { form, edits, stop };
}

/** Types `value` into `field` as a user does: the value, then an `input` event. */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
	field.value = value;
	field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets queued microtasks (the draft's write) run. */
const settled = () => new Promise((resolve) => setTimeout(resolve));

/** Everything in sessionStorage, as text. */
const everything = () => JSON.stringify(Object.entries(sessionStorage));
/** Our draft keys. */
const draftKeys = () => Object.keys(sessionStorage).filter((key) => key.startsWith(PREFIX));

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
beforeEach(() => {
	history.replaceState(null, '', '/post');
	sessionStorage.clear();
	rejections.length = 0;
	process.on('unhandledRejection', onRejection);
});
afterEach(async () => {
	await settled();
	process.off('unhandledRejection', onRejection);
	vi.restoreAllMocks();
	for (const stop of stops.splice(0)) stop();
	document.body.innerHTML = '';
	history.replaceState(null, '', '/');
	expect(rejections).toEqual([]);
});

/** One page life: markup, an edit, then the reload (detached). */
async function leaveDraft(html: string, edit: (form: HTMLFormElement) => void, options?: UnsavedOptions) {
	const before = await tracked(html, options);
	edit(before.form);
	await settled();
	before.stop();
}

describe('never keeps a secret', () => {
	test('never stores a password typed while shown (a "show password" toggle), nor after it is masked again', async () => {
		const { form } = await tracked('<form method="POST"><input name="title"><input type="password" name="password"></form>');
		const password = form.querySelector<HTMLInputElement>('[name=password]')!;
		password.type = 'text';
		await settled();
		type(password, 'hunter2');
		type(form.querySelector('[name=title]')!, 'Hello');
		await settled();
		expect(everything()).toContain('Hello');
		expect(everything()).not.toContain('hunter2');
		password.type = 'password';
		await settled();
		expect(everything()).not.toContain('hunter2');
	});

	test('never stores a password shown as text in the same task as it is typed', async () => {
		const { form } = await tracked('<form method="POST"><input type="password" name="password"></form>');
		const password = form.querySelector<HTMLInputElement>('[name=password]')!;
		password.type = 'text';
		type(password, 'hunter2');
		await settled();
		expect(everything()).not.toContain('hunter2');
	});

	test('a draft already stored drops a field once it becomes a password', async () => {
		const { form } = await tracked('<form method="POST"><input name="title"><input name="secret"></form>');
		type(form.querySelector('[name=title]')!, 'Hello');
		const secret = form.querySelector<HTMLInputElement>('[name=secret]')!;
		type(secret, 'hunter2');
		await settled();
		expect(everything()).toContain('hunter2');
		secret.setAttribute('type', 'PASSWORD');
		await settled();
		expect(everything()).not.toContain('hunter2');
		expect(everything()).toContain('Hello');
	});

	test('a password field added after the form was enhanced, then shown as text, is never stored', async () => {
		const { form } = await tracked('<form method="POST"><input name="title"></form>');
		form.insertAdjacentHTML('beforeend', '<input type="password" name="password">');
		const password = form.querySelector<HTMLInputElement>('[name=password]')!;
		type(password, 'hunt');
		password.type = 'text';
		type(password, 'hunter2');
		await settled();
		expect(everything()).not.toContain('hunt');
	});

	test.each([
		'current-password',
		'new-password',
		'one-time-code',
		'cc-name',
		'cc-given-name',
		'cc-additional-name',
		'cc-family-name',
		'cc-number',
		'cc-exp',
		'cc-exp-month',
		'cc-exp-year',
		'cc-csc',
		'cc-type',
		'section-checkout billing cc-number',
		'shipping cc-exp',
		'section-a  new-password',
		'CC-CSC',
		' \tcurrent-password\n',
		'new-password webauthn',
		'one-time-code webauthn'
	])('never stores a field with autocomplete="%s", nor restores into it', async (autocomplete) => {
		const html = `<form method="POST"><input name="title"><input name="secret" autocomplete="${autocomplete}"></form>`;
		const { form } = await tracked(html);
		type(form.querySelector('[name=secret]')!, 'hunter2');
		type(form.querySelector('[name=title]')!, 'Hello');
		await settled();
		expect(everything()).toContain('Hello');
		expect(everything()).not.toContain('hunter2');

		// A forged draft puts nothing there either.
		const [key] = draftKeys();
		sessionStorage.setItem(key, JSON.stringify({ v: 1, fields: [['secret', 0, 'forged'], ['title', 0, 'Hi']] }));
		stops.pop()!();
		const again = await tracked(html);
		expect(again.form.querySelector<HTMLInputElement>('[name=secret]')!.value).toBe('');
		expect(again.form.querySelector<HTMLInputElement>('[name=title]')!.value).toBe('Hi');
	});

	test.each([
		['autocomplete="off" on the field', '<form method="POST"><input name="title" autocomplete="on"><input name="note" autocomplete="off"></form>', false],
		['autocomplete="OFF" on the field', '<form method="POST"><input name="title" autocomplete="on"><input name="note" autocomplete=" OFF "></form>', false],
		['autocomplete="off" on the form', '<form method="POST" autocomplete="off"><input name="title" autocomplete="on"><input name="note"></form>', false],
		['autocomplete="off" on the form, a textarea', '<form method="POST" autocomplete="off"><input name="title" autocomplete="on"><textarea name="note"></textarea></form>', false],
		['autocomplete="off" on the form, a field with autocomplete=""', '<form method="POST" autocomplete="off"><input name="title" autocomplete="on"><input name="note" autocomplete=""></form>', false],
		['autocomplete="off" on the form, the field says "on" (the field wins)', '<form method="POST" autocomplete="off"><input name="title" autocomplete="on"><input name="note" autocomplete="on"></form>', true],
		['autocomplete="off" on the form, the field names its data (the field wins)', '<form method="POST" autocomplete="off"><input name="title" autocomplete="on"><input name="note" autocomplete="street-address"></form>', true],
		['autocomplete="on" on the form, "off" on the field (the field wins)', '<form method="POST" autocomplete="on"><input name="title" autocomplete="on"><input name="note" autocomplete="off"></form>', false]
	])('%s: kept in a draft as the browser would keep it on history traversal', async (_, html, kept) => {
		const { form } = await tracked(html);
		type(form.querySelector('[name=note]')!, 'private words');
		type(form.querySelector('[name=title]')!, 'Hello');
		await settled();
		expect(everything()).toContain('Hello');
		expect(everything().includes('private words')).toBe(kept);
	});

	test('a stored field leaves the draft at once when its autocomplete turns secret, and every field when the form turns autocomplete off', async () => {
		const { form } = await tracked('<form method="POST"><input name="title"><input name="secret"></form>');
		type(form.querySelector('[name=title]')!, 'Hello');
		type(form.querySelector('[name=secret]')!, 'hunter2');
		await settled();
		expect(everything()).toContain('hunter2');
		form.querySelector('[name=secret]')!.setAttribute('autocomplete', 'new-password');
		await settled();
		expect(everything()).not.toContain('hunter2');
		expect(everything()).toContain('Hello');
		form.setAttribute('autocomplete', 'off');
		await settled();
		expect(draftKeys()).toEqual([]);
	});

	test('the title field of a form with autocomplete="off" is not kept either (no draft at all)', async () => {
		const { form } = await tracked('<form method="POST" autocomplete="off"><input name="title"></form>');
		type(form.querySelector('[name=title]')!, 'Hello');
		await settled();
		expect(draftKeys()).toEqual([]);
	});

	test('never restores into readonly or disabled fields (a disabled fieldset too)', async () => {
		const editable = '<form method="POST"><input name="a"><textarea name="b"></textarea><select name="c"><option>x</option><option>y</option></select><input type="checkbox" name="d"><fieldset><input name="e"></fieldset></form>';
		await leaveDraft(editable, (form) => {
			for (const name of ['a', 'b', 'e']) type(form.querySelector(`[name=${name}]`)!, 'typed');
			const select = form.querySelector('select')!;
			select.value = 'y';
			select.dispatchEvent(new Event('change', { bubbles: true }));
			form.querySelector<HTMLInputElement>('[name=d]')!.click();
		});
		const locked = '<form method="POST"><input name="a" readonly><textarea name="b" disabled></textarea><select name="c" disabled><option>x</option><option>y</option></select><input type="checkbox" name="d" readonly><fieldset disabled><input name="e"></fieldset></form>';
		const { form, edits } = await tracked(locked);
		const values = ['a', 'b', 'c', 'e'].map((name) => form.querySelector<HTMLInputElement>(`[name=${name}]`)!.value);
		expect(values).toEqual(['', '', 'x', '']);
		expect(form.querySelector<HTMLInputElement>('[name=d]')!.checked).toBe(false);
		expect(edits.dirty).toBe(false);
	});
});

describe('never crosses records', () => {
	const html = (attributes = '') => `<form method="POST" action="/edit?/save" ${attributes}><input name="title"></form>`;
	const title = (form: HTMLFormElement) => form.querySelector<HTMLInputElement>('[name=title]')!;

	test('a draft of /edit?id=1 is not restored into /edit?id=2', async () => {
		history.replaceState(null, '', '/edit?id=1');
		await leaveDraft(html(), (form) => type(title(form), 'record 1'));
		history.replaceState(null, '', '/edit?id=2');
		const { form, edits } = await tracked(html());
		expect([title(form).value, edits.dirty]).toEqual(['', false]);
	});

	test('the hash is not part of the record: /edit?id=1#notes gets the draft of /edit?id=1', async () => {
		history.replaceState(null, '', '/edit?id=1');
		await leaveDraft(html(), (form) => type(title(form), 'record 1'));
		history.replaceState(null, '', '/edit?id=1#notes');
		const { form, edits } = await tracked(html());
		expect([title(form).value, edits.dirty]).toEqual(['record 1', true]);
	});

	test('forms posting to the same action are told apart by their id', async () => {
		await leaveDraft(html('id="row-1"'), (form) => type(title(form), 'row 1'));
		const { form } = await tracked(html('id="row-2"'));
		expect(title(form).value).toBe('');
		stops.pop()!();
		const again = await tracked(html('id="row-1"'));
		expect(title(again.form).value).toBe('row 1');
	});

	test('the key wins over the id, numbers included', async () => {
		await leaveDraft(html('id="row"'), (form) => type(title(form), 'seven'), { key: 7 });
		const { form } = await tracked(html('id="row"'));
		expect(title(form).value).toBe('');
		stops.pop()!();
		const again = await tracked(html('id="other"'), { key: 7 });
		expect(title(again.form).value).toBe('seven');
	});

	test('stored in a versioned format', async () => {
		const { form } = await tracked(html());
		type(title(form), 'Hello');
		await settled();
		const [key] = draftKeys();
		expect(JSON.parse(sessionStorage.getItem(key)!)).toEqual({ v: 1, fields: [['title', 0, 'Hello']] });
	});

	test.each([
		['the same action', html(), html(), undefined],
		['the same key', html('id="a"'), html('id="b"'), { key: 'row' }]
	])('two tracked forms with %s are a development error naming `key`; the second keeps no draft', async (_, first, second, options) => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		document.body.innerHTML = `<div id="one">${first}</div><div id="two">${second}</div>`;
		const [one, two] = document.querySelectorAll('form');
		stops.push(unsaved(options).track(one) as () => void, unsaved(options).track(two) as () => void);
		await tick();
		expect(error).toHaveBeenCalledOnce();
		expect(String(error.mock.calls[0][0])).toContain('unsaved({ key: row.id })');
		type(title(one), 'first');
		type(title(two), 'second');
		await settled();
		expect(everything()).toContain('first');
		expect(everything()).not.toContain('second');
	});

	test('a form tracked again after the first is gone (a reload, another mount) is no duplicate', async () => {
		const error = vi.spyOn(console, 'error');
		await leaveDraft(html(), (form) => type(title(form), 'Hello'));
		const { form } = await tracked(html());
		expect(title(form).value).toBe('Hello');
		expect(error).not.toHaveBeenCalled();
	});
});

describe('survives any storage', () => {
	const html = '<form method="POST" action="/post?/save"><input name="title" value="start"><input type="checkbox" name="pinned"></form>';
	/** The key of this form's draft, found by writing one. */
	async function keyOf() {
		await leaveDraft(html, (form) => type(form.querySelector('[name=title]')!, 'x'));
		const [key] = draftKeys();
		sessionStorage.clear();
		return key;
	}

	const corrupt: Array<[string, string]> = [
		['[null]', '[null]'],
		['a draft of 0.1 (an array)', '[["title",0,"old"]]'],
		['an entry indexed "length"', '{"length":1,"0":["title",0,"x"]}'],
		['an entry indexed "constructor"', '{"constructor":["title",0,"x"]}'],
		['"__proto__"', '{"__proto__":{"v":1,"fields":[["title",0,"x"]]}}'],
		['fields indexed "length"', '{"v":1,"fields":{"length":1,"0":["title",0,"x"]}}'],
		['another version', '{"v":2,"fields":[["title",0,"x"]]}'],
		['the version as a string', '{"v":"1","fields":[["title",0,"x"]]}'],
		['a null entry', '{"v":1,"fields":[null]}'],
		['a string index', '{"v":1,"fields":[["title","0","x"]]}'],
		['a negative index', '{"v":1,"fields":[["title",-1,"x"]]}'],
		['an object state', '{"v":1,"fields":[["title",0,{"toString":"x"}]]}'],
		['a numeric value', '{"v":1,"fields":[["pinned",0,true,1]]}'],
		['too long an entry', '{"v":1,"fields":[["title",0,"x","y","z"]]}'],
		['a good entry beside a bad one', '{"v":1,"fields":[["title",0,"x"],7]]}'],
		['null', 'null'],
		['a number', '42'],
		['a string', '"draft"'],
		['not JSON', '{"v":1,'],
		['empty', '']
	];

	test.each(corrupt)('a stored %s is ignored and dropped: nothing restored, the form clean', async (_, text) => {
		const key = await keyOf();
		sessionStorage.setItem(key, text);
		sessionStorage.setItem('other-app', text);
		const { form, edits } = await tracked(html);
		expect(form.querySelector<HTMLInputElement>('[name=title]')!.value).toBe('start');
		expect(edits.dirty).toBe(false);
		expect(sessionStorage.getItem(key)).toBeNull();
		expect(sessionStorage.getItem('other-app')).toBe(text);
		// The form goes on.
		type(form.querySelector('[name=title]')!, 'new');
		expect(edits.dirty).toBe(true);
	});

	test('any stored text at all: the form restores only a draft of ours, never throws, and `dirty` follows', async () => {
		const key = await keyOf();
		const texts = fc.oneof(
			fc.json(),
			fc.string(),
			fc.jsonValue().map((fields) => JSON.stringify({ v: 1, fields })),
			fc.array(fc.tuple(fc.constantFrom('title', 'pinned', 'length', 'constructor', '__proto__'), fc.integer({ min: -1, max: 2 }), fc.jsonValue())).map((fields) => JSON.stringify({ v: 1, fields }))
		);
		await fc.assert(
			fc.asyncProperty(texts, async (text) => {
				sessionStorage.setItem(key, text);
				const { form, edits, stop } = await tracked(html);
				const title = form.querySelector<HTMLInputElement>('[name=title]')!;
				const pinned = form.querySelector<HTMLInputElement>('[name=pinned]')!;
				expect(edits.dirty).toBe(title.value !== 'start' || pinned.checked);
				expect(Object.prototype).not.toHaveProperty('v');
				await settled();
				const left = sessionStorage.getItem(key);
				if (left !== null) expect(JSON.parse(left)).toMatchObject({ v: 1 });
				stop();
				stops.pop();
			}),
			{ seed: 20, numRuns: 150 }
		);
	});

	test.each(['getItem', 'setItem', 'removeItem', 'key'] as const)('a storage whose %s throws never breaks the form', async (method) => {
		const key = await keyOf();
		sessionStorage.setItem(key, JSON.stringify({ v: 1, fields: [['title', 0, 'restored']] }));
		vi.spyOn(Storage.prototype, method).mockImplementation(() => {
			throw new DOMException('refused', 'SecurityError');
		});
		const { form, edits } = await tracked(html);
		const title = form.querySelector<HTMLInputElement>('[name=title]')!;
		expect(edits.dirty).toBe(title.value !== 'start');
		type(title, 'typed');
		await settled();
		expect(edits.dirty).toBe(true);
		type(title, 'start');
		await settled();
		expect(edits.dirty).toBe(false);
		unsaved.forgetAll();
	});

	test('a sessionStorage that throws when touched (a sandboxed frame) never breaks the form', async () => {
		vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		const { form, edits } = await tracked(html);
		type(form.querySelector('[name=title]')!, 'typed');
		await settled();
		expect(edits.dirty).toBe(true);
		unsaved.forgetAll();
	});

	test("when a newer draft does not fit (quota), this form's older draft is deleted; other drafts stay", async () => {
		sessionStorage.setItem(PREFIX + 'another form', 'theirs');
		const { form } = await tracked(html);
		const title = form.querySelector<HTMLInputElement>('[name=title]')!;
		type(title, 'older');
		await settled();
		expect(everything()).toContain('older');
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		type(title, 'newer');
		await settled();
		expect(everything()).not.toContain('older');
		expect(sessionStorage.getItem(PREFIX + 'another form')).toBe('theirs');
	});

	test('a restore stops nowhere half-way: every field of a good draft comes back, `dirty` right', async () => {
		const fields = Array.from({ length: 20 }, (_, i) => `<input name="f${i}">`).join('');
		const many = `<form method="POST" action="/post?/save">${fields}</form>`;
		await leaveDraft(many, (form) => {
			for (const input of form.querySelectorAll('input')) type(input, `v-${input.name}`);
		});
		// Entries that fit no field any more (markup changed) sit between the good ones.
		const [key] = draftKeys();
		const draft = JSON.parse(sessionStorage.getItem(key)!);
		draft.fields.splice(10, 0, ['gone', 0, 'x'], ['f3', 4, 'x'], ['f4', 0, true], ['f5', 0, ['a']]);
		sessionStorage.setItem(key, JSON.stringify(draft));
		const { form, edits } = await tracked(many);
		expect([...form.querySelectorAll('input')].every((input) => input.value === `v-${input.name}`)).toBe(true);
		expect(edits.dirty).toBe(true);
	});

	test('unsaved.forgetAll() removes every draft of ours (every form, page and version), nothing else', async () => {
		await leaveDraft(html, (form) => type(form.querySelector('[name=title]')!, 'mine'));
		history.replaceState(null, '', '/other?x=1');
		await leaveDraft(html, (form) => type(form.querySelector('[name=title]')!, 'mine too'));
		sessionStorage.setItem(PREFIX + '["","/post","/post?/save"]', '[["title",0,"0.1"]]');
		sessionStorage.setItem('another-app:draft', 'theirs');
		expect(draftKeys()).toHaveLength(3);
		unsaved.forgetAll();
		expect(draftKeys()).toEqual([]);
		expect(sessionStorage.getItem('another-app:draft')).toBe('theirs');
	});
});

describe('at scale: counted in storage writes and field reads', () => {
	const form = (n: number) =>
		`<form method="POST" action="/post?/save">${Array.from({ length: n }, (_, i) => `<input name="f${i}">`).join('')}<select name="topic"><option>a</option><option>b</option></select><input type="checkbox" name="tags" value="x"><input type="checkbox" name="tags" value="y"></form>`;

	test('restoring a 100-field draft is one storage write', async () => {
		await leaveDraft(form(100), (form) => {
			for (const input of form.querySelectorAll<HTMLInputElement>('input:not([type])')) type(input, 'typed');
		});
		const setItem = vi.spyOn(Storage.prototype, 'setItem');
		const { form: restored, edits } = await tracked(form(100));
		await settled();
		expect(restored.querySelector<HTMLInputElement>('[name=f99]')!.value).toBe('typed');
		expect(edits.dirty).toBe(true);
		expect(setItem).toHaveBeenCalledTimes(1);
	});

	test('a keystroke on a 200-field form is one storage write and reads the one field typed into', async () => {
		const { form: big } = await tracked(form(200));
		const fields = big.querySelectorAll('input');
		for (const input of [...fields].slice(0, 150)) type(input, 'typed');
		await settled();
		const setItem = vi.spyOn(Storage.prototype, 'setItem');
		const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
		let reads = 0;
		vi.spyOn(HTMLInputElement.prototype, 'value', 'get').mockImplementation(function (this: HTMLInputElement) {
			reads++;
			return value.get!.call(this);
		});
		type(fields[199], 'x');
		await settled();
		expect(setItem).toHaveBeenCalledTimes(1);
		expect(reads).toBeLessThanOrEqual(2);
	});

	test('an edit that fires input and change (a select picked) is one storage write', async () => {
		const { form: small } = await tracked(form(2));
		const setItem = vi.spyOn(Storage.prototype, 'setItem');
		const select = small.querySelector('select')!;
		select.value = 'b';
		select.dispatchEvent(new Event('input', { bubbles: true }));
		select.dispatchEvent(new Event('change', { bubbles: true }));
		await settled();
		expect(setItem).toHaveBeenCalledTimes(1);
	});

	test('discard() also puts back a field that code changed without an event', async () => {
		const { form: small, edits } = await tracked(form(2));
		const [first, second] = small.querySelectorAll('input');
		type(first, 'typed');
		second.value = 'set by code';
		edits.discard();
		expect([first.value, second.value, edits.dirty]).toEqual(['', '', false]);
	});

	test('discard() is one storage removal, whatever the number of fields', async () => {
		const { form: big, edits } = await tracked(form(50));
		for (const input of big.querySelectorAll<HTMLInputElement>('input:not([type])')) type(input, 'typed');
		await settled();
		const setItem = vi.spyOn(Storage.prototype, 'setItem');
		const removeItem = vi.spyOn(Storage.prototype, 'removeItem');
		edits.discard();
		await settled();
		expect([setItem.mock.calls.length, removeItem.mock.calls.length, edits.dirty]).toEqual([0, 1, false]);
	});
});
