import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { configure, page, submission } from '../../src/lib/index.js';
import Attached from '../fixtures/Attached.svelte';
import AttachedSubmit from '../fixtures/AttachedSubmit.svelte';
import type { ActionResult, SubmitFunction } from '../../src/lib/index.js';
import { heldEndpoint } from '../helpers/held.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

beforeEach(() => {
	history.replaceState(null, '', '/attached');
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
});
afterEach(() => {
	history.replaceState(null, '', '/');
});

function setup(props: Record<string, unknown> = {}) {
	const { handler, requests } = heldEndpoint('/attached');
	server.use(handler);
	const save = submission();
	const rendered = render(Attached, { save, ...props });
	const form = document.querySelector('form')!;
	return { ...rendered, form, save, requests };
}

test('{@attach enhancement(() => options)} enhances the form as use:enhance does', async () => {
	const { form, save, requests } = setup();
	const event = new SubmitEvent('submit', { cancelable: true });
	form.dispatchEvent(event);
	expect(event.defaultPrevented).toBe(true);
	await until(() => expect(requests).toHaveLength(1));
	expect(await requests[0].body).toEqual(new URLSearchParams({ text: '', label: 'first' }));
	await until(() => expect(screen.getByTestId('state').textContent).toBe('submitting'));
	requests[0].answer({ type: 'failure', status: 400, data: { via: 'attachment' } });
	await until(() => expect(save.submitting).toBe(false));
	expect(page.form).toEqual({ via: 'attachment' });
	await until(() => expect(screen.getByTestId('state').textContent).toBe('idle'));
});

test('options are reactive and applied in place: the submission under way and its order survive', async () => {
	const { form, save, requests, rerender } = setup();
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(1));

	await rerender({ repeat: 'prevent', label: 'second' });
	// `prevent` is in force, and knows the submission under way: this submit is ignored.
	form.requestSubmit();
	await new Promise((resolve) => setTimeout(resolve, 20));
	expect(requests).toHaveLength(1);

	// The first submission still applies (a re-created enhancement would have dropped it).
	requests[0].answer({ type: 'failure', status: 400, data: { n: 1 } });
	await until(() => expect(save.submitting).toBe(false));
	expect(page.form).toEqual({ n: 1 });

	// The new submit function is in force, and one submit sends one request (one listener).
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(2));
	await new Promise((resolve) => setTimeout(resolve, 20));
	expect(requests).toHaveLength(2);
	expect((await requests[1].body).get('label')).toBe('second');
	requests[1].answer({ type: 'success', status: 204 });
	await until(() => expect(save.submitting).toBe(false));
});

test('unmounting removes the listener and ends the state of the submission under way', async () => {
	const { form, save, requests, unmount } = setup();
	form.requestSubmit();
	await until(() => expect(requests).toHaveLength(1));
	expect(save.submitting).toBe(true);
	unmount();
	expect(save.submitting).toBe(false);
	document.body.append(form);
	const event = new SubmitEvent('submit', { cancelable: true });
	form.dispatchEvent(event);
	expect(event.defaultPrevented).toBe(false);
	requests[0].answer({ type: 'failure', status: 400, data: { late: true } });
	await new Promise((resolve) => setTimeout(resolve, 20));
	expect(page.form).toBeNull();
	form.remove();
});

test('enhancement(() => submit) takes a submit function, as use:enhance={submit} does', async () => {
	const { handler, requests } = heldEndpoint('/attached');
	server.use(handler);
	const results: ActionResult[] = [];
	const submit: SubmitFunction = ({ formData }) => {
		formData.set('via', 'submit function');
		return ({ result }) => void results.push(result);
	};
	render(AttachedSubmit, { submit });
	document.querySelector('form')!.requestSubmit();
	await until(() => expect(requests).toHaveLength(1));
	expect(await requests[0].body).toEqual(new URLSearchParams({ text: 'typed', via: 'submit function' }));
	requests[0].answer({ type: 'failure', status: 400, data: { n: 1 } });
	await until(() => expect(results).toEqual([{ type: 'failure', status: 400, data: { n: 1 } }]));
	// Its callback replaced the default one: nothing applied.
	expect(page.form).toBeNull();
});

test('enhancement() with no options enhances with the defaults', async () => {
	const { handler, requests } = heldEndpoint('/attached');
	server.use(handler);
	render(AttachedSubmit);
	document.querySelector('form')!.requestSubmit();
	await until(() => expect(requests).toHaveLength(1));
	requests[0].answer({ type: 'failure', status: 400, data: { n: 2 } });
	await until(() => expect(page.form).toEqual({ n: 2 }));
});
