import { http } from 'msw';
import { expect, test, vi } from 'vitest';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { reports } from '../helpers/reports.js';
import { server } from '../setup/msw.js';

// A production build: esm-env's DEV is false, so no message is logged, but errors shown nowhere
// are still reported where apps look for errors.
vi.mock('esm-env', async (original) => ({ ...(await original<typeof import('esm-env')>()), DEV: false }));

// The test kit's setup file loaded the library already (with DEV true): load it anew.
vi.resetModules();
const { enhance, page } = await import('../../src/lib/index.js');

test('an error shown nowhere is reported in production too, without a word in the console, also on a SvelteKit page', async () => {
	const reported = reports();
	const log = vi.spyOn(console, 'error');
	const warn = vi.spyOn(console, 'warn');
	(globalThis as Record<string, unknown>).__sveltekit_1ajw6yi = {};
	server.use(http.post('/orders', () => actionResponse({ type: 'error', status: 503, error: { message: 'Database down' } })));
	history.replaceState(null, '', '/orders');
	try {
		document.body.innerHTML = '<form method="POST" action="?/save"></form>';
		enhance(document.querySelector('form')!);
		document.querySelector('form')!.requestSubmit();
		await vi.waitFor(() => expect(reported).toHaveLength(1));
	} finally {
		delete (globalThis as Record<string, unknown>).__sveltekit_1ajw6yi;
		history.replaceState(null, '', '/');
	}
	expect(reported[0].message).toBe('error result of POST /orders?/save (503: Database down)');
	expect(reported[0].cause).toEqual({ message: 'Database down' });
	expect(page.error).toEqual({ message: 'Database down' });
	expect(log).not.toHaveBeenCalled();
	expect(warn).not.toHaveBeenCalled();
});
