// renderPage by route id: the route's files under the plugin's `routes` directory
// (tests/testing/pages/routes here), its layouts and its error pages, as SvelteKit renders them.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler, error } from 'svelte-form-actions/msw';
import { renderPage, type RenderPageOptions } from 'svelte-form-actions/testing';
import { describe, expect, test } from 'vitest';
import { server } from '../../setup/msw.js';

const layoutData = { '/': { site: 'Example' }, '/account': { user: 'ada' } };

describe('layouts', () => {
	test("the page renders inside every layout above it, each with its data and its parents'", async () => {
		await renderPage('/account/profile', { layoutData, data: { bio: 'hi' } });
		expect(screen.getByText('Root layout of Example')).toBeTruthy();
		expect(screen.getByRole('heading', { name: 'Account of ada on Example' })).toBeTruthy();
		// The page's data holds the layouts' too, as in SvelteKit.
		expect(screen.getByText('Profile data: Example / ada / hi')).toBeTruthy();
	});

	test('the URL comes from the route, its parameters filled in and groups left out', async () => {
		await renderPage('/(shop)/cart/[id]', { params: { id: '7' } });
		expect(screen.getByText('Cart 7, route /(shop)/cart/[id], at /cart/7')).toBeTruthy();
		expect(location.pathname).toBe('/cart/7');
	});

	test('a result posted by the page reaches its form prop inside the layouts', async () => {
		server.use(actionHandler('/account/profile', { save: ({ formData }) => ({ saved: formData.get('bio') }) }));
		await renderPage('/account/profile', { layoutData });
		await userEvent.type(screen.getByLabelText('Bio'), 'new bio');
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByText('Saved new bio')).toBeTruthy();
		expect(screen.getByText('Root layout of Example')).toBeTruthy();
	});

	test('layouts: false renders the page alone', async () => {
		await renderPage('/account/profile', { layouts: false, data: { site: 'S', user: 'U', bio: 'B' } });
		expect(screen.getByText('Profile data: S / U / B')).toBeTruthy();
		expect(screen.queryByText(/Root layout/)).toBeNull();
		expect(screen.queryByRole('heading', { name: /Account of/ })).toBeNull();
	});
});

describe('parameters, as SvelteKit gives them for the URL', () => {
	const catalog = '/(shop)/[[lang]]/catalog/[...path]';

	test.each<{ given: string; options: RenderPageOptions; at: string; params: Record<string, string> }>([
		{ given: 'nothing', options: {}, at: '/catalog', params: { path: '' } },
		{ given: 'the url', options: { url: '/fr/catalog/tea/green' }, at: '/fr/catalog/tea/green', params: { lang: 'fr', path: 'tea/green' } },
		{ given: 'the url, encoded', options: { url: '/catalog/caf%C3%A9/50%25' }, at: '/catalog/caf%C3%A9/50%25', params: { path: 'café/50%' } },
		{ given: 'params', options: { params: { path: 'tea' } }, at: '/catalog/tea', params: { path: 'tea' } },
		{ given: 'both', options: { url: '/en/catalog', params: { lang: 'fr', path: 'x' } }, at: '/en/catalog', params: { lang: 'fr', path: 'x' } }
	])('optional and rest parameters, given $given', async ({ options, at, params }) => {
		await renderPage(catalog, options);
		const json = JSON.stringify(params);
		expect(screen.getByText(`Catalog params ${json}, page.params ${json}, at ${at}`)).toBeTruthy();
	});

	test('a url alone gives the parameters', async () => {
		await renderPage('/(shop)/cart/[id]', { url: '/cart/7' });
		expect(screen.getByText('Cart 7, route /(shop)/cart/[id], at /cart/7')).toBeTruthy();
	});

	test('neither parameters nor a url for a route that needs them: an error that says what to give', async () => {
		await expect(renderPage('/(shop)/cart/[id]')).rejects.toThrow(
			"renderPage('/(shop)/cart/[id]'): give the route's parameters in params, or its url (resolve('/(shop)/cart/[id]'): missing parameter 'id')."
		);
	});

	test("a url the route does not serve, without parameters: an error, not a page with params it could never have", async () => {
		await expect(renderPage('/(shop)/cart/[id]', { url: '/basket/7' })).rejects.toThrow(
			"renderPage('/(shop)/cart/[id]'): the url /basket/7 is not one of this route's, so its parameters are unknown: give them in params, or a url the route serves."
		);
	});

	test('a path, or a route id without its group, instead of the route id: the error names the route that serves it', async () => {
		for (const route of ['/cart/7', '/cart/[id]']) {
			await expect(renderPage(route)).rejects.toThrow(
				`renderPage('${route}'): there is no /tests/testing/pages/routes${route}/+page.svelte. ${route} is served by /(shop)/cart/[id]: name a route by its directory, groups included, and give a path as url.`
			);
		}
	});
});

describe('errors, shown where the app shows them', () => {
	const failing = (path: string, name: string) => actionHandler(path, { [name]: () => error(503, 'Down for maintenance') });

	test('without a boundary: the nearest +error.svelte replaces the page, inside the layouts above it', async () => {
		server.use(failing('/account/profile', 'save'));
		await renderPage('/account/profile', { layoutData });
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('heading', { name: 'Account error 503: Down for maintenance' })).toBeTruthy();
		expect(screen.getByText('Root layout of Example')).toBeTruthy();
		expect(screen.getByRole('heading', { name: 'Account of ada on Example' })).toBeTruthy();
		expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
	});

	test("a route without its own error page gets the root's, inside the root layout only", async () => {
		server.use(failing('/cart/:id', 'buy'));
		await renderPage('/(shop)/cart/[id]', { params: { id: '7' }, layoutData });
		await userEvent.click(screen.getByRole('button', { name: 'Buy' }));
		expect(await screen.findByRole('heading', { name: 'Root error 503: Down for maintenance' })).toBeTruthy();
		expect(screen.getByText('Root layout of Example')).toBeTruthy();
		expect(screen.queryByText(/Cart 7/)).toBeNull();
	});

	test('inside an <ErrorBoundary>: the boundary shows it and the page stays, with what was typed', async () => {
		server.use(failing('/account/boundary', 'save'));
		await renderPage('/account/boundary', { layoutData });
		await userEvent.type(screen.getByLabelText('Bio'), 'kept');
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect((await screen.findByRole('alert')).textContent).toContain('Down for maintenance');
		expect(screen.queryByRole('heading', { name: /error 503/ })).toBeNull();
		expect(screen.getByLabelText('Bio')).toHaveProperty('value', 'kept');
	});

	test("$app/forms' enhance inside an <ErrorBoundary>: SvelteKit's error page, as in the app (SvelteKit never reports to the boundary)", async () => {
		server.use(failing('/account/kit-boundary', 'save'));
		await renderPage('/account/kit-boundary', { layoutData });
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('heading', { name: 'Account error 503: Down for maintenance' })).toBeTruthy();
		expect(screen.queryByRole('alert')).toBeNull();
		expect(screen.queryByLabelText('Bio')).toBeNull();
	});

	test('layouts: false still shows the nearest error page', async () => {
		server.use(failing('/account/profile', 'save'));
		await renderPage('/account/profile', { layouts: false });
		await userEvent.click(screen.getByRole('button', { name: 'Save' }));
		expect(await screen.findByRole('heading', { name: 'Account error 503: Down for maintenance' })).toBeTruthy();
		expect(screen.queryByText(/Root layout/)).toBeNull();
	});
});

test('a route without a page: an error naming the routes that have one', async () => {
	await expect(renderPage('/nowhere')).rejects.toThrow(
		"renderPage('/nowhere'): there is no /tests/testing/pages/routes/nowhere/+page.svelte. Routes with a page: "
	);
	await expect(renderPage('/nowhere')).rejects.toThrow('/account/profile');
});
