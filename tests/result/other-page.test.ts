/**
 * Outside SvelteKit, a success or failure from an action on another path is not applied (as in
 * SvelteKit) and, in development, says so once per action path, naming the option to change.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { configure, page } from '../../src/lib/index.js';
import { actionHandler, error, fail } from '../../src/lib/testing/msw/index.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { server } from '../setup/msw.js';
import { reports } from '../helpers/reports.js';

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
	history.replaceState(null, '', '/todos');
	warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	server.use(
		actionHandler('/api/todos', { add: () => ({ added: true }), invalid: () => fail(400, { missing: true }) }),
		actionHandler('/api/other', { add: () => ({ added: true }), broken: () => error(500, 'Down') }),
		actionHandler('/api/failing', { invalid: () => fail(422, { missing: true }) }),
		actionHandler('/api/chosen', { add: () => ({ added: true }) }),
		actionHandler('/api/wired', { add: () => ({ added: true }) }),
		actionHandler('/todos', { add: () => ({ here: true }) })
	);
});
afterEach(() => {
	vi.restoreAllMocks();
	history.replaceState(null, '', '/');
});

/** Submits a form posting to `action`; resolves once `update()` (the default) has run. */
async function submit(action: string) {
	const done = deferred();
	const { form } = enhanced(`<form method="POST" action="${action}"><button>Go</button></form>`, () => async ({ update }) => {
		await update();
		done.resolve();
	});
	form.requestSubmit();
	await done.promise;
}

test('warns once per action path, for successes and failures, naming configure({ isCurrentPage })', async () => {
	await submit('/api/todos?/add');
	expect(page.form).toBeNull();
	expect(warn).toHaveBeenCalledTimes(1);
	expect(warn.mock.calls[0][0]).toBe(
		"svelte-form-actions: the success from /api/todos was not applied to page.form, because that action is not on this page (/todos). If this page shows its results, say so with configure({ isCurrentPage: (url) => url.pathname === '/api/todos' }) or a wider rule (url.pathname.startsWith('/api/'))."
	);
	await submit('/api/todos?/invalid');
	await submit('/api/todos?/add');
	expect(warn).toHaveBeenCalledTimes(1);
	await submit('/api/other?/add');
	expect(warn).toHaveBeenCalledTimes(2);
	expect(warn.mock.calls[1][0]).toContain('the success from /api/other');
});

// Paths are remembered for the page load (this file): each test uses paths of its own.
test('a failure warns too', async () => {
	await submit('/api/failing?/invalid');
	expect(page.status).toBe(200);
	expect(warn.mock.calls[0]?.[0]).toContain('the failure from /api/failing was not applied');
});

test('no warning for results that are applied: on this page, errors, or with isCurrentPage set', async () => {
	const reported = reports();
	await submit('/todos?/add');
	expect(page.form).toEqual({ here: true });
	await submit('/api/other?/broken');
	expect(page.error).toMatchObject({ message: 'Down' });
	expect(reported.map((error) => error.cause)).toEqual([page.error]);
	configure({ isCurrentPage: (url) => url.pathname.startsWith('/api/') });
	await submit('/api/chosen?/add');
	expect(page.form).toEqual({ added: true });
	expect(warn).not.toHaveBeenCalled();
});

test("no warning once SvelteKit's router is wired (goto configured): there, other pages' results are not the page's", async () => {
	configure({ goto: vi.fn(), invalidateAll: vi.fn() });
	await submit('/api/wired?/add');
	expect(warn).not.toHaveBeenCalled();
});
