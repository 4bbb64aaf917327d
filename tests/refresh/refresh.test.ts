import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, expect, test, vi } from 'vitest';
import { applyAction, invalidateAll, onInvalidate, page, resource } from '../../src/lib/index.js';
import Refreshing from '../fixtures/Refreshing.svelte';
import { deferred } from '../helpers/dom.js';

afterEach(() => {
	vi.restoreAllMocks();
});

test('invalidateAll() re-runs every registered refresher and resolves when all are done', async () => {
	const slow = deferred();
	const done: string[] = [];
	onInvalidate(async () => {
		await slow.promise;
		done.push('slow');
	});
	onInvalidate(() => void done.push('sync'));
	let settled = false;
	const refreshing = invalidateAll().then(() => (settled = true));
	await Promise.resolve();
	expect(done).toEqual(['sync']);
	expect(settled).toBe(false);
	slow.resolve();
	await refreshing;
	expect(done).toEqual(['sync', 'slow']);
});

test('the function onInvalidate returns unregisters', async () => {
	const refresh = vi.fn();
	const unregister = onInvalidate(refresh);
	unregister();
	await invalidateAll();
	expect(refresh).not.toHaveBeenCalled();
});

test('a refresher that throws (or rejects) is reported and does not stop the others', async () => {
	const report = vi.spyOn(console, 'error').mockImplementation(() => {});
	const fine = vi.fn();
	onInvalidate(() => {
		throw new Error('sync boom');
	});
	onInvalidate(async () => {
		throw new Error('async boom');
	});
	onInvalidate(fine);
	await invalidateAll();
	expect(fine).toHaveBeenCalledOnce();
	expect(report.mock.calls.map((call) => String(call[1]))).toEqual(['Error: sync boom', 'Error: async boom']);
});

test('a registration made in a component ends with that component', async () => {
	const refresh = vi.fn();
	const { unmount } = render(Refreshing, { refresh });
	await invalidateAll();
	expect(refresh).toHaveBeenCalledOnce();
	unmount();
	await invalidateAll();
	expect(refresh).toHaveBeenCalledOnce();
});

test('a resource loads at once, again on invalidateAll, and shows in the component', async () => {
	let count = 0;
	const refresh = vi.fn();
	const { unmount } = render(Refreshing, { refresh, load: async () => ++count });
	expect(await screen.findByText('count: 1')).toBeTruthy();
	await invalidateAll();
	flushSync();
	expect(screen.getByText('count: 2')).toBeTruthy();
	unmount();
	await invalidateAll();
	expect(count).toBe(2);
});

test('a resource: loading, error, and the newest of overlapping loads wins', async () => {
	const answers = [deferred<string>(), deferred<string>()];
	let call = 0;
	const value = resource(() => answers[call++].promise, 'initial');
	expect([value.current, value.loading]).toEqual(['initial', true]);
	const second = value.refresh();
	answers[1].resolve('newest');
	await second;
	expect([value.current, value.loading]).toEqual(['newest', false]);
	// The first load ends last: it must not overwrite the newer value.
	answers[0].resolve('stale');
	await new Promise((resolve) => setTimeout(resolve, 0));
	expect(value.current).toBe('newest');

	const failing = resource(() => Promise.reject(new Error('offline')), 'kept');
	await vi.waitFor(() => expect(failing.loading).toBe(false));
	expect([failing.current, String(failing.error)]).toEqual(['kept', 'Error: offline']);
	await expect(failing.refresh()).rejects.toThrow('offline');
});

test('a failing refresher does not stop page from updating after a success', async () => {
	vi.spyOn(console, 'error').mockImplementation(() => {});
	onInvalidate(() => {
		throw new Error('refresh failed');
	});
	await invalidateAll();
	await applyAction({ type: 'success', status: 200, data: { saved: true } });
	expect(page.form).toEqual({ saved: true });
});
