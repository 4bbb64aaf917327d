// renderPage follows SvelteKit's layout resets (tests/testing/pages/routes/(app)/item/[id]/…): a page named
// `+page@name.svelte`, or a `+layout@name.svelte` above it, skips the layouts (and the error
// pages) of the directories up to `name`. Each page posts an action that fails with an error.
import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler, error } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test } from 'vitest';
import { server } from '../../setup/msw.js';

// Each directory's layout data names the directory: the page's data shows whose layouts ran.
const layoutData = {
	'/': { root: 1 },
	'/(app)': { app: 1 },
	'/(app)/item': { item: 1 },
	'/(app)/item/[id]': { id: 1 },
	'/(app)/item/[id]/notes': { notes: 1 },
	'/(app)/item/[id]/flat': { flat: 1 },
	'/(app)/item/[id]/flat/inner': { inner: 1 },
	'/(app)/item/[id]/bare': { bare: 1 }
};

const cases = [
	{
		page: '+page.svelte, no reset',
		route: '/(app)/item/[id]',
		layouts: ['(app)', 'item', '[id]'],
		data: 'root, app, item, id',
		error: 'Item',
		errorInside: ['(app)', 'item', '[id]']
	},
	{
		page: "+page@[id].svelte: its own directory's layout and error page skipped",
		route: '/(app)/item/[id]/notes',
		layouts: ['(app)', 'item', '[id]'],
		data: 'root, app, item, id',
		error: 'Item',
		errorInside: ['(app)', 'item', '[id]']
	},
	{
		page: '+page@item.svelte',
		route: '/(app)/item/[id]/share',
		layouts: ['(app)', 'item'],
		data: 'root, app, item',
		// item has no error page: the next one up, inside the layouts above it.
		error: 'App',
		errorInside: ['(app)']
	},
	{
		page: '+page@(app).svelte: a group',
		route: '/(app)/item/[id]/embed',
		layouts: ['(app)'],
		data: 'root, app',
		error: 'App',
		errorInside: ['(app)']
	},
	{
		page: '+page@.svelte: the root',
		route: '/(app)/item/[id]/print',
		layouts: [],
		data: 'root',
		error: 'Root',
		errorInside: []
	},
	{
		page: '+layout@(app).svelte above a +page.svelte',
		route: '/(app)/item/[id]/flat',
		layouts: ['(app)', 'flat'],
		data: 'root, app, flat',
		error: 'Flat',
		errorInside: ['(app)', 'flat']
	},
	{
		page: '+page@flat.svelte, whose +layout@(app).svelte resets again',
		route: '/(app)/item/[id]/flat/inner',
		layouts: ['(app)', 'flat'],
		data: 'root, app, flat',
		error: 'Flat',
		errorInside: ['(app)', 'flat']
	},
	{
		page: '+layout@.svelte above a +page.svelte',
		route: '/(app)/item/[id]/bare',
		layouts: ['bare'],
		data: 'root, bare',
		error: 'Root',
		errorInside: []
	}
];

/** The layouts of tests/testing/pages/routes/(app) around the page, outermost first. */
const layoutsShown = () => [...document.querySelectorAll<HTMLElement>('[data-layout]')].map((element) => element.dataset.layout);

test.each(cases)('$page: the layouts SvelteKit renders, and their data', async ({ route, layouts, data }) => {
	await renderPage(route, { params: { id: '7' }, layoutData });
	expect(screen.getByText(`page of item 7, data from: ${data}`, { exact: false })).toBeTruthy();
	expect(screen.getByText('Root layout of no site')).toBeTruthy();
	expect(layoutsShown()).toEqual(layouts);
});

test.each(cases)('$page: an error shows the error page SvelteKit chooses, inside the layouts above it', async ({ route, error: by, errorInside }) => {
	const { container } = await renderPage(route, { params: { id: '7' }, layoutData });
	server.use(actionHandler(location.pathname, { break: () => error(503, 'Down') }));
	await userEvent.click(screen.getByRole('button', { name: 'Break' }));
	expect(await screen.findByRole('heading', { name: `${by} error 503: Down` })).toBeTruthy();
	expect(container.textContent).not.toContain('page of item');
	// The error page replaces the layouts below its own directory.
	expect(layoutsShown()).toEqual(errorInside);
	expect(screen.getByText('Root layout of no site')).toBeTruthy();
});

test('layouts: false: the page alone, with the error page SvelteKit would choose', async () => {
	await renderPage('/(app)/item/[id]/print', { params: { id: '7' }, layouts: false });
	server.use(actionHandler('/item/7/print', { break: () => error(503, 'Down') }));
	expect(layoutsShown()).toEqual([]);
	await userEvent.click(screen.getByRole('button', { name: 'Break' }));
	// Not the error page of [id], the nearest directory with one: print resets to the root.
	expect(await screen.findByRole('heading', { name: 'Root error 503: Down' })).toBeTruthy();
});
