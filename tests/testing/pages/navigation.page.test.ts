// The `$app/*` modules beyond forms: the navigation lifecycle, shallow routing, `$app/environment`
// and `$app/paths`, as pages and libraries (superforms) import them.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { browser, building, dev, version } from '$app/environment';
import { disableScrollHandling, goto, invalidate, preloadCode, preloadData, refreshAll } from '$app/navigation';
import { asset, assets, base, resolve as resolveRoute } from '$app/paths';
import { navigating, updated } from '$app/state';
import * as stores from '$app/stores';
import { get } from 'svelte/store';
import { actionHandler, redirect } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test } from 'vitest';
import { server } from '../../setup/msw.js';

const go = actionHandler('/nav', { go: () => redirect(303, '/done') });

function events() {
	return screen.queryAllByRole('listitem').map((item) => item.textContent);
}

test('afterNavigate runs once mounted, then the lifecycle runs around a redirect', async () => {
	server.use(go);
	const { navigations } = await renderPage('/nav');
	expect(events()).toEqual(['after enter to /nav']);
	await userEvent.click(screen.getByRole('button', { name: 'Go' }));
	await expect.poll(events).toEqual(['after enter to /nav', 'before goto to /done', 'on goto', 'after goto to /done']);
	expect(navigations.map((url) => url.pathname)).toEqual(['/done']);
	expect(location.pathname).toBe('/done');
});

test('beforeNavigate can cancel the navigation', async () => {
	server.use(go);
	const { navigations } = await renderPage('/nav');
	await userEvent.click(screen.getByLabelText('Block navigation'));
	await userEvent.click(screen.getByRole('button', { name: 'Go' }));
	await expect.poll(events).toEqual(['after enter to /nav', 'before goto to /done']);
	expect(navigations).toEqual([]);
	expect(location.pathname).toBe('/nav');
});

const away = actionHandler('/nav', { go: () => redirect(303, 'https://auth.example.com/authorize?client=app') });

test('a redirect to another origin is recorded after beforeNavigate (willUnload); the test page stays', async () => {
	server.use(away);
	const { navigations } = await renderPage('/nav');
	await userEvent.click(screen.getByRole('button', { name: 'Go' }));
	await expect.poll(() => navigations.map(String)).toEqual(['https://auth.example.com/authorize?client=app']);
	expect(events()).toEqual(['after enter to /nav', 'before goto to /authorize (unload)']);
	expect(location.pathname).toBe('/nav');
});

test('beforeNavigate can cancel a redirect to another origin', async () => {
	server.use(away);
	const { navigations } = await renderPage('/nav');
	await userEvent.click(screen.getByLabelText('Block navigation'));
	await userEvent.click(screen.getByRole('button', { name: 'Go' }));
	await expect.poll(events).toEqual(['after enter to /nav', 'before goto to /authorize (unload)']);
	expect(navigations).toEqual([]);
});

test('pushState and replaceState set page.state (and page.url)', async () => {
	await renderPage('/nav');
	await userEvent.click(screen.getByRole('button', { name: 'Open' }));
	expect(await screen.findByText('Modal open at /nav/modal')).toBeTruthy();
	await userEvent.click(screen.getByRole('button', { name: 'Close' }));
	expect(await screen.findByText('Modal closed at /nav/modal')).toBeTruthy();
});

test("goto's state sets page.state, replaceState replaces the history entry, and a navigation without state clears it", async () => {
	const { navigations } = await renderPage('/nav');
	const entries = history.length;
	await userEvent.click(screen.getByRole('button', { name: 'Photo' }));
	expect(await screen.findByText('State {"photo":1} at /nav/photo')).toBeTruthy();
	expect(history.length).toBe(entries + 1);
	await userEvent.click(screen.getByRole('button', { name: 'List' }));
	expect(await screen.findByText('State {} at /nav/list')).toBeTruthy();
	expect(history.length).toBe(entries + 1);
	expect(navigations.map((url) => url.pathname)).toEqual(['/nav/photo', '/nav/list']);
});

test("goto to another origin is refused with SvelteKit's message, before any navigation starts", async () => {
	const { navigations } = await renderPage('/nav');
	await expect(goto('https://example.com/away')).rejects.toThrow(
		'Cannot use `goto` with an external URL. Use `window.location = "https://example.com/away"` instead'
	);
	expect(events()).toEqual(['after enter to /nav']);
	expect(navigations).toEqual([]);
});

test('invalidate and refreshAll re-run the load; preloading resolves', async () => {
	let loads = 0;
	await renderPage('/account/profile', { load: () => ({ bio: `load ${++loads}` }) });
	await invalidate('/api/profile');
	await refreshAll();
	expect(loads).toBe(2);
	expect(await preloadData('/account/profile')).toEqual({ type: 'loaded', status: 200, data: { bio: 'load 2' } });
	await expect(preloadCode('/account/profile')).resolves.toBeUndefined();
});

// Typed with the app's own routes by SvelteKit; any route id here.
const resolve = resolveRoute as (route: string, params?: Record<string, string>) => string;

test('$app/environment and $app/paths', () => {
	expect({ browser, dev, building, version }).toEqual({ browser: true, dev: true, building: false, version: 'test' });
	expect([base, assets]).toEqual(['', '']);
	expect(asset('/favicon.png')).toBe('/favicon.png');
	expect(resolve('/(shop)/cart/[id]', { id: '7' })).toBe('/cart/7');
	expect(resolve('/docs/[...path]', { path: 'a/b' })).toBe('/docs/a/b');
	expect(resolve('/[[lang]]/about')).toBe('/about');
	expect(() => resolve('/blog/[slug]')).toThrow("resolve('/blog/[slug]'): missing parameter 'slug'");
});

test("never navigating nor out of date: $app/state's and $app/stores' navigating and updated, as SvelteKit's at rest", async () => {
	expect({ ...navigating }).toEqual({ from: null, to: null, type: null, willUnload: null, delta: null, complete: null });
	expect(updated.current).toBe(false);
	await expect(updated.check()).resolves.toBe(false);
	expect(stores.getStores()).toEqual({ page: stores.page, navigating: stores.navigating, updated: stores.updated });
	expect([get(stores.navigating), get(stores.updated)]).toEqual([null, false]);
	await expect(stores.updated.check()).resolves.toBe(false);
	expect(disableScrollHandling()).toBeUndefined();
});
