// The memory benchmark's page script: mounts an enhanced form, submits it, waits until the
// result is in `page.form`, unmounts it — `count` times. Svelte's own `mount`/`unmount` run
// the action's `destroy`, as in an app.
//
// Submissions are answered in the page, through `configure({ fetch })`, with a fresh
// `Response` carrying a real action result: the whole library path runs (request, text,
// deserialize, update, applyAction), but not Chromium's network stack, whose buffers are not
// ours to measure and whose round trips would make 10,000 forms take minutes.
import { stringify } from 'devalue';
import { flushSync, mount, unmount } from 'svelte';
import { configure, page } from 'svelte-form-actions';
import { watch } from '../probe.svelte.js';
import Form from './Form.svelte';

let served = 0;
configure({
	fetch: async (_input, init) => {
		const text = new URLSearchParams(/** @type {URLSearchParams} */ (init?.body)).get('text');
		const result = { type: 'success', status: 200, data: stringify({ echo: text, n: ++served }) };
		return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
	}
});

let arrived = () => {};
watch(
	() => page.form,
	() => arrived()
);

/** @param {number} count */
async function run(count) {
	const target = /** @type {HTMLElement} */ (document.getElementById('app'));
	for (let i = 0; i < count; i++) {
		const component = mount(Form, { target, props: { text: `form ${i}` } });
		// Actions run with effects, which `mount` leaves pending: run them, as the next frame would.
		flushSync();
		const form = /** @type {HTMLFormElement} */ (target.querySelector('form'));
		await new Promise((resolve) => {
			arrived = () => resolve(undefined);
			form.requestSubmit();
		});
		unmount(component);
	}
	arrived = () => {};
	return { mounted: target.childElementCount, served };
}

Object.assign(window, { bench: { run } });
