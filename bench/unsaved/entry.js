// The `unsaved()` benchmark's page script: forms of `n` text inputs plus a select and a checkbox
// group, followed by `unsaved()` with drafts in `sessionStorage`, as an app attaches it.
import { tick } from 'svelte';
import { unsaved } from 'svelte-form-actions';

/** Storage writes so far: the end of a measured step is the write it causes. */
let writes = 0;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
	writes++;
	return setItem.call(this, key, value);
};

/** A fresh form of `n` text inputs, a select and a checkbox group, in the page. */
function build(/** @type {number} */ n) {
	document.body.innerHTML = '';
	const form = document.createElement('form');
	form.method = 'POST';
	form.action = `/bench?/save${n}`;
	let html = '';
	for (let i = 0; i < n; i++) html += `<input name="field${i}" value="start ${i}">`;
	html += '<select name="topic"><option>News</option><option>Release</option><option>Tutorial</option></select>';
	for (const tag of ['a', 'b', 'c', 'd']) html += `<input type="checkbox" name="tags" value="${tag}">`;
	form.innerHTML = html;
	document.body.append(form);
	return form;
}

/** `unsaved()` attached to `form`, past the first render (when it takes the baseline and restores). */
async function track(/** @type {HTMLFormElement} */ form) {
	const stop = /** @type {() => void} */ (unsaved().track(form));
	await tick();
	return stop;
}

async function trackedForm(/** @type {number} */ n) {
	const form = build(n);
	const stop = await track(form);
	await until(() => false);
	return { form, stop };
}

/** Waits, microtask by microtask, until `done()`: never a task, which would add the event loop's delay. */
async function until(/** @type {() => boolean} */ done) {
	for (let turn = 0; turn < 100 && !done(); turn++) await null;
	await null;
}

/** Changes field `i` as a user's edit does (a key typed, an option or box picked), and returns it. */
function edit(/** @type {HTMLFormElement} */ form, /** @type {number} */ i) {
	const fields = /** @type {HTMLCollectionOf<HTMLInputElement | HTMLSelectElement>} */ (form.elements);
	const field = fields[i % fields.length];
	if (field instanceof HTMLSelectElement) field.selectedIndex = (field.selectedIndex + 1) % field.options.length;
	else if (field.type === 'checkbox') field.checked = !field.checked;
	else field.value += 'x';
	return field;
}

/**
 * Milliseconds from dispatching an `input` event to the end of the storage write it causes
 * (queued in a microtask by the listener), for `events` edits spread over every field.
 */
async function keystrokes(/** @type {number} */ n, { events = 500, warmup = 50 } = {}) {
	sessionStorage.clear();
	const { form, stop } = await trackedForm(n);
	/** @type {number[]} */
	const times = [];
	for (let i = -warmup; i < events; i++) {
		const field = edit(form, (i + warmup) * 7 + 3);
		const before = writes;
		const start = performance.now();
		field.dispatchEvent(new Event('input', { bubbles: true }));
		await until(() => writes > before);
		const time = performance.now() - start;
		if (writes !== before + 1) throw new Error(`an input event made ${writes - before} storage writes, not 1`);
		if (i >= 0) times.push(time);
	}
	stop();
	return times;
}

/** Milliseconds from attaching `unsaved()` to a form of `n` fields to its draft restored and written back, `rounds` times. */
async function restores(/** @type {number} */ n, { rounds = 50, warmup = 5 } = {}) {
	sessionStorage.clear();
	const first = await trackedForm(n);
	for (let i = 0; i < n + 5; i++) edit(first.form, i).dispatchEvent(new Event('input', { bubbles: true }));
	await until(() => false);
	first.stop();
	/** @type {number[]} */
	const times = [];
	for (let round = -warmup; round < rounds; round++) {
		const form = build(n);
		const before = writes;
		const start = performance.now();
		const stop = await track(form);
		await until(() => writes > before);
		const time = performance.now() - start;
		const restored = /** @type {HTMLInputElement} */ (form.elements.namedItem(`field${n - 1}`)).value;
		if (restored !== `start ${n - 1}x` || writes !== before + 1) throw new Error(`restore: ${restored}, ${writes - before} writes`);
		stop();
		if (round >= 0) times.push(time);
	}
	return times;
}

Object.assign(window, { bench: { keystrokes, restores } });
