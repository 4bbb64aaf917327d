import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, unsaved, type BeforeNavigateCallback, type EnhanceOptions, type Unsaved, type UnsavedOptions } from '../../src/lib/index.js';
import { actionHandler, fail, redirect } from '../../src/lib/testing/msw/index.js';
import { deferred } from '../helpers/dom.js';
import { until } from '../helpers/until.js';
import Draft from '../fixtures/Draft.svelte';
import { server } from '../setup/msw.js';

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const shown = () => screen.getByRole('status').textContent;

beforeEach(() => {
	history.replaceState(null, '', '/post');
	sessionStorage.clear();
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
});
afterEach(() => history.replaceState(null, '', '/'));

/** The draft form, rendered and past its first render (when the baseline is taken). */
async function draft(props: { options?: UnsavedOptions; enhanceOptions?: EnhanceOptions; action?: string; initialTitle?: string } = {}) {
	let edits!: Unsaved;
	const rendered = render(Draft, { ...props, onedits: (made: Unsaved) => (edits = made) });
	await tick();
	await tick();
	return { ...rendered, edits, user: userEvent.setup() };
}

/** The drafts in sessionStorage: key → parsed entries. */
function stored(): Record<string, [string, number, unknown][]> {
	const drafts: Record<string, [string, number, unknown][]> = {};
	for (let i = 0; i < sessionStorage.length; i++) {
		const key = sessionStorage.key(i)!;
		drafts[key] = JSON.parse(sessionStorage.getItem(key)!).fields;
	}
	return drafts;
}

const stops: Array<() => void> = [];
/** A form of plain markup followed by `unsaved()` alone, past its first render; `stop` detaches it (a reload). */
async function tracked(html: string) {
	document.body.innerHTML = html;
	const form = document.querySelector('form')!;
	const edits = unsaved();
	const stop = edits.track(form) as () => void;
	stops.push(stop);
	await tick();
	return { form, edits, stop };
}
afterEach(() => {
	if (!stops.length) return;
	for (const stop of stops.splice(0)) stop();
	document.body.innerHTML = '';
});

/** Changes a field as `change()` says, then fires `change` as a user's pick does. */
function pick(element: HTMLInputElement | HTMLSelectElement, change: () => void) {
	change();
	element.dispatchEvent(new Event('change', { bubbles: true }));
}

const KEY = 'svelte-form-actions:draft:' + JSON.stringify(['action:/post?/save', '/post']);

/** Every kind of field: an edit, and the way back to what it held. */
const edits: Array<[string, (user: UserEvent) => Promise<unknown>, (user: UserEvent) => Promise<unknown>]> = [
	['text', (user) => user.type(field('Title'), 'x'), (user) => user.type(field('Title'), '{Backspace}')],
	['textarea', (user) => user.type(field('Body'), 'x'), (user) => user.clear(field('Body'))],
	['select', (user) => user.selectOptions(field('Topic'), 'Release'), (user) => user.selectOptions(field('Topic'), 'News')],
	['select multiple', (user) => user.selectOptions(field('Tags'), 'b'), (user) => user.deselectOptions(field('Tags'), 'b')],
	['checkbox', (user) => user.click(field('Pinned')), (user) => user.click(field('Pinned'))],
	['radio', (user) => user.click(field('Team')), (user) => user.click(field('All'))],
	['range', async () => fireEvent.input(field('Size'), { target: { value: '8' } }), async () => fireEvent.input(field('Size'), { target: { value: '5' } })],
	['date', async () => fireEvent.input(field('Day'), { target: { value: '2026-01-02' } }), async () => fireEvent.input(field('Day'), { target: { value: '' } })],
	['password', (user) => user.type(field('Password'), 'x'), (user) => user.clear(field('Password'))],
	['file', (user) => user.upload(field('Attachment'), new File(['x'], 'x.txt')), async () => fireEvent.change(field('Attachment'), { target: { files: [] } })]
];

describe('dirty: edits not sent yet', () => {
	test.each(edits)('follows an edit of a %s field, and going back to what it held', async (_, edit, revert) => {
		const { edits, user } = await draft();
		expect([edits.dirty, shown()]).toEqual([false, 'clean · ']);
		await edit(user);
		expect(edits.dirty).toBe(true);
		expect(shown()).toMatch(/^dirty/);
		await revert(user);
		expect(edits.dirty).toBe(false);
	});

	test('the baseline is what the fields hold when enhanced (bound state), not their default value', async () => {
		const { edits, user } = await draft({ initialTitle: 'Kept' });
		expect(field('Title').value).toBe('Kept');
		expect(field('Title').defaultValue).not.toBe('Kept');
		expect(edits.dirty).toBe(false);
		await user.clear(field('Title'));
		expect(edits.dirty).toBe(true);
		await user.type(field('Title'), 'Kept');
		expect(edits.dirty).toBe(false);
	});

	test('a field added after the baseline is dirty once the user edits it', async () => {
		const { form, edits } = await tracked('<form method="POST" action="/post?/save"><input name="title"></form>');
		form.insertAdjacentHTML('beforeend', '<input name="subtitle" value="from the server">');
		const subtitle = form.querySelector<HTMLInputElement>('[name=subtitle]')!;
		expect(edits.dirty).toBe(false);
		pick(subtitle, () => (subtitle.value = 'mine'));
		expect(edits.dirty).toBe(true);
	});

	test('a reset is noticed', async () => {
		const { edits, user } = await draft();
		await user.type(field('Body'), 'words');
		expect(edits.dirty).toBe(true);
		HTMLFormElement.prototype.reset.call(field('Body').form!);
		await until(() => expect(edits.dirty).toBe(false));
	});
});

describe('drafts in sessionStorage', () => {
	test('keep edits as they happen, keyed by page path and action; never passwords, codes, cards, files, hidden or excluded fields', async () => {
		const { user } = await draft({ options: { exclude: ['note'] } });
		await user.type(field('Title'), 'Hello');
		await user.type(field('Body'), 'Lines');
		await user.selectOptions(field('Tags'), ['a', 'b']);
		await user.click(field('Pinned'));
		await user.click(field('Team'));
		for (const label of ['Password', 'Code', 'Card', 'Note']) await user.type(field(label), 'secret');
		await user.upload(field('Attachment'), new File(['x'], 'x.txt'));

		expect(stored()).toEqual({
			[KEY]: [
				['title', 0, 'Hello'],
				['body', 0, 'Lines'],
				['tags', 0, ['a', 'b']],
				['pinned', 0, true, 'on'],
				['audience', 0, false, 'all'],
				['audience', 0, true, 'team']
			]
		});
		expect(JSON.stringify(stored())).not.toContain('secret');
	});

	test('an edit taken back deletes the draft', async () => {
		const { user } = await draft();
		await user.type(field('Title'), 'H');
		expect(Object.keys(stored())).toEqual([KEY]);
		await user.type(field('Title'), '{Backspace}');
		expect(stored()).toEqual({});
	});

	test('a new render of the form (a reload) restores the draft with input events: bound state follows, the form is dirty', async () => {
		const first = await draft();
		await first.user.type(field('Title'), 'Hello');
		await first.user.selectOptions(field('Topic'), 'Release');
		await first.user.click(field('Pinned'));
		await first.user.click(field('Team'));
		first.unmount();

		const { edits } = await draft();
		expect(field('Title').value).toBe('Hello');
		expect(shown()).toBe('dirty · Hello');
		expect(field('Topic').value).toBe('Release');
		expect(field('Pinned').checked).toBe(true);
		expect(field('Team').checked).toBe(true);
		expect(edits.dirty).toBe(true);
	});

	test('a tampered draft puts nothing into fields that are never kept', async () => {
		sessionStorage.setItem(KEY, JSON.stringify({ v: 1, fields: [['password', 0, 'p'], ['code', 0, '1'], ['card', 0, '4111'], ['token', 0, 'forged'], ['body', 0, 'ok']] }));
		await draft();
		expect(['Password', 'Code', 'Card'].map((label) => field(label).value)).toEqual(['', '', '']);
		expect((document.querySelector('input[name=token]') as HTMLInputElement).value).toBe('t1');
		expect(field('Body').value).toBe('ok');
	});

	test.each([
		['an app key', { options: { key: 'post-2' } }],
		['an action', { action: '/post?/publish' }],
		['a page path', { path: '/other' }]
	])('a draft is not restored into a form with another %s', async (_, change: { options?: UnsavedOptions; action?: string; path?: string }) => {
		const first = await draft();
		await first.user.type(field('Title'), 'Hello');
		first.unmount();
		if (change.path) history.replaceState(null, '', change.path);
		const { edits } = await draft({ options: change.options, action: change.action });
		expect(field('Title').value).toBe('');
		expect(edits.dirty).toBe(false);
	});

	test('`drafts: false` keeps nothing', async () => {
		const { user, edits } = await draft({ options: { drafts: false } });
		await user.type(field('Title'), 'Hello');
		expect(edits.dirty).toBe(true);
		expect(stored()).toEqual({});
	});

	test('discard() puts the fields back, bound state too, and deletes the draft', async () => {
		const { user, edits } = await draft({ initialTitle: 'Start' });
		await user.type(field('Title'), ' more');
		await user.click(field('Pinned'));
		edits.discard();
		await tick();
		expect([field('Title').value, field('Pinned').checked, shown()]).toEqual(['Start', false, 'clean · Start']);
		expect(stored()).toEqual({});
	});

	test('a storage that refuses writes costs the draft, not the form', async () => {
		vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
			throw new DOMException('full', 'QuotaExceededError');
		});
		const { user, edits } = await draft();
		await user.type(field('Title'), 'Hello');
		expect(edits.dirty).toBe(true);
		vi.restoreAllMocks();
	});
});

describe('a draft restored into a form whose markup changed since (a new release, other data)', () => {

	test('a radio group with an option added before the one picked gets back the option picked', async () => {
		const before = await tracked(
			'<form method="POST" action="/post?/save"><input type="radio" name="audience" value="all" checked><input type="radio" name="audience" value="team"></form>'
		);
		const team = before.form.querySelector<HTMLInputElement>('[value=team]')!;
		pick(team, () => (team.checked = true));
		before.stop();

		const after = await tracked(
			'<form method="POST" action="/post?/save"><input type="radio" name="audience" value="all" checked><input type="radio" name="audience" value="guest"><input type="radio" name="audience" value="team"></form>'
		);
		const checked = [...after.form.querySelectorAll<HTMLInputElement>(':checked')].map((radio) => radio.value);
		expect(checked).toEqual(['team']);
		expect(after.edits.dirty).toBe(true);
	});

	test('a select whose picked option is gone keeps what it holds, and a field now of another kind is left alone', async () => {
		const before = await tracked(
			'<form method="POST" action="/post?/save"><select name="topic"><option>News</option><option>Release</option></select><input name="count"></form>'
		);
		const topic = before.form.querySelector('select')!;
		pick(topic, () => (topic.value = 'Release'));
		const count = before.form.querySelector<HTMLInputElement>('[name=count]')!;
		pick(count, () => (count.value = '3'));
		before.stop();

		const after = await tracked(
			'<form method="POST" action="/post?/save"><select name="topic"><option>News</option><option selected>Archive</option></select><input type="checkbox" name="count" checked></form>'
		);
		expect(after.form.querySelector('select')!.value).toBe('Archive');
		expect(after.form.querySelector<HTMLInputElement>('[name=count]')!.checked).toBe(true);
		expect(after.edits.dirty).toBe(false);
	});
});

describe('results', () => {
	test('a success clears the draft and makes the form clean, with what it holds then as the baseline', async () => {
		server.use(actionHandler('/post', { save: ({ formData }) => ({ saved: formData.get('title') }) }));
		const { user, edits } = await draft({ enhanceOptions: { submit: () => ({ update }) => update({ reset: false }) } });
		await user.type(field('Title'), 'Hello');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		await screen.findByText('Saved Hello');
		await until(() => expect(edits.dirty).toBe(false));
		expect(stored()).toEqual({});
		// The saved value is the new baseline.
		await user.type(field('Title'), '!');
		expect(edits.dirty).toBe(true);
		await user.type(field('Title'), '{Backspace}');
		expect(edits.dirty).toBe(false);
	});

	test('a failure keeps the draft and the edits', async () => {
		server.use(actionHandler('/post', { save: () => fail(400, { missing: true }) }));
		const { user, edits } = await draft();
		await user.type(field('Title'), 'Hello');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		await until(() => expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy());
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(edits.dirty).toBe(true);
		expect(Object.keys(stored())).toEqual([KEY]);
	});

	test('a redirect clears the draft and the guard', async () => {
		server.use(actionHandler('/post', { save: () => redirect(303, '/posts') }));
		const goto = vi.fn();
		configure({ goto });
		const { user, edits } = await draft();
		await user.type(field('Title'), 'Hello');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		await until(() => expect(goto).toHaveBeenCalled());
		await until(() => expect(edits.dirty).toBe(false));
		expect(stored()).toEqual({});
	});
});

describe('the guard', () => {
	const leave = () => {
		const event = new Event('beforeunload', { cancelable: true });
		window.dispatchEvent(event);
		return event.defaultPrevented;
	};

	test('beforeunload asks while dirty, and not once clean or after unmount', async () => {
		const { user, unmount } = await draft();
		expect(leave()).toBe(false);
		await user.type(field('Title'), 'H');
		expect(leave()).toBe(true);
		await user.type(field('Title'), '{Backspace}');
		expect(leave()).toBe(false);
		await user.type(field('Title'), 'H');
		unmount();
		expect(leave()).toBe(false);
	});

	test('`guard: false` never asks', async () => {
		const { user } = await draft({ options: { guard: false } });
		await user.type(field('Title'), 'H');
		expect(leave()).toBe(false);
	});

	test("no beforeunload question while the edits are on their way, unchanged: a redirect answering them leaves", async () => {
		const answer = deferred();
		server.use(actionHandler('/post', { save: async () => (await answer.promise, { saved: 'x' }) }));
		const { user } = await draft();
		await user.type(field('Title'), 'H');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		expect(leave()).toBe(false);
		// Typing more while it goes: those edits are not on their way.
		await user.type(field('Title'), 'i');
		expect(leave()).toBe(true);
		answer.resolve();
	});

	describe('inside SvelteKit: configure({ beforeNavigate })', () => {
		/** A fake `beforeNavigate`: keeps the callbacks registered, and navigates through them. */
		function fakeKit() {
			const callbacks: BeforeNavigateCallback[] = [];
			configure({ beforeNavigate: (callback) => void callbacks.push(callback) });
			return {
				callbacks,
				navigate(type: string, willUnload = false) {
					const cancel = vi.fn();
					for (const callback of callbacks) callback({ type, willUnload, cancel });
					return cancel.mock.calls.length > 0;
				}
			};
		}

		test('registers while the component initialises; an in-app navigation asks while dirty, and cancels when the user stays', async () => {
			const kit = fakeKit();
			const confirm = vi.spyOn(window, 'confirm');
			const { user } = await draft({ options: { message: 'Leave the post?' } });
			expect(kit.callbacks).toHaveLength(1);
			expect(kit.navigate('link')).toBe(false);
			expect(confirm).not.toHaveBeenCalled();

			await user.type(field('Title'), 'H');
			confirm.mockReturnValueOnce(false);
			expect(kit.navigate('link')).toBe(true);
			expect(confirm).toHaveBeenCalledWith('Leave the post?');
			confirm.mockReturnValueOnce(true);
			expect(kit.navigate('popstate')).toBe(false);
			// Unloading the document: the browser asks (beforeunload), not a second dialog.
			expect(kit.navigate('leave', true)).toBe(false);
			expect(confirm).toHaveBeenCalledTimes(2);
			confirm.mockRestore();
		});

		test('a goto while the edits are on their way (the redirect) goes without asking and drops the draft', async () => {
			const kit = fakeKit();
			const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
			const answer = deferred();
			server.use(actionHandler('/post', { save: async () => (await answer.promise, redirect(303, '/posts')) }));
			const { user } = await draft();
			await user.type(field('Title'), 'H');
			await user.click(screen.getByRole('button', { name: 'Save' }));
			expect(kit.navigate('goto')).toBe(false);
			expect(confirm).not.toHaveBeenCalled();
			expect(stored()).toEqual({});
			answer.resolve();
			confirm.mockRestore();
		});

		test('`guard: false` registers nothing', async () => {
			const kit = fakeKit();
			await draft({ options: { guard: false } });
			expect(kit.callbacks).toHaveLength(0);
		});
	});
});
