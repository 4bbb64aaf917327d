import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import Todos from '../fixtures/Todos.svelte';
import { deferred } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { until } from '../helpers/until.js';
import { server } from '../setup/msw.js';

let list: string[];
let refreshing: Promise<void>;
beforeEach(() => {
	history.replaceState(null, '', '/todos');
	list = ['Write tests'];
	refreshing = Promise.resolve();
	server.use(
		http.get('/todos', async () => {
			await refreshing;
			return HttpResponse.json(list);
		})
	);
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
	vi.useRealTimers();
	history.replaceState(null, '', '/');
});

/** The list as the user sees it; pending (optimistic) items marked. */
function items() {
	return within(screen.getByRole('list', { name: 'Todos' }))
		.queryAllByRole('listitem')
		.map((item) => (item.classList.contains('pending') ? `${item.textContent} (pending)` : item.textContent));
}
const button = () => screen.getByRole('button') as HTMLButtonElement;

test('pending UI: disabled button, spinner only after the delay, optimistic item without flicker', async () => {
	const { handler, requests } = heldEndpoint('/todos');
	server.use(handler);
	const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
	render(Todos);
	await until(() => expect(items()).toEqual(['Write tests']));

	await user.type(screen.getByLabelText('New todo'), 'Buy milk');
	await user.click(button());
	await until(() => expect(requests).toHaveLength(1));
	await until(() => expect(items()).toEqual(['Write tests', 'Buy milk (pending)']));
	expect([button().disabled, button().textContent]).toEqual([true, 'Add']);

	await vi.advanceTimersByTimeAsync(500);
	expect(button().textContent).toBe('Adding…');

	// The server added it; while the list refreshes, the optimistic item stays.
	const refreshed = deferred();
	refreshing = refreshed.promise;
	list = ['Write tests', 'Buy milk'];
	requests[0].answer({ type: 'success', status: 200 });
	await until(() => expect((screen.getByLabelText('New todo') as HTMLInputElement).value).toBe(''));
	expect(items()).toEqual(['Write tests', 'Buy milk (pending)']);
	refreshed.resolve();
	await until(() => expect(items()).toEqual(['Write tests', 'Buy milk']));
	expect([button().disabled, button().textContent]).toEqual([false, 'Add']);
});

test('after the timeout of the state, "Still trying…" (the request goes on)', async () => {
	const { handler, requests } = heldEndpoint('/todos');
	server.use(handler);
	render(Todos);
	document.querySelector('form')!.requestSubmit();
	await until(() => expect(requests).toHaveLength(1));
	await vi.advanceTimersByTimeAsync(7999);
	expect(screen.queryByText('Still trying…')).toBeNull();
	await vi.advanceTimersByTimeAsync(1);
	expect(screen.getByText('Still trying…')).toBeTruthy();
	requests[0].answer({ type: 'failure', status: 400, data: { missing: true } });
	await until(() => expect(screen.queryByText('Still trying…')).toBeNull());
	expect(items()).toEqual(['Write tests']);
});
