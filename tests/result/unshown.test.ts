// Errors are never silent: an `error` result that no `<ErrorBoundary>` and no SvelteKit wiring
// takes is reported on `window` (jsdom has no `reportError`), and development says what to add.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import fs from 'node:fs';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyAction, clearPage, configure, page } from '../../src/lib/index.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { sveltekit } from '../../src/lib/sveltekit/index.js';
import Boundaries from '../fixtures/Boundaries.svelte';
import { enhanced } from '../helpers/dom.js';
import { reports } from '../helpers/reports.js';
import { server } from '../setup/msw.js';

const kit = vi.hoisted(() => ({ applyAction: vi.fn(async (_result: unknown) => {}) }));
vi.mock('$app/forms', () => ({ applyAction: kit.applyAction, deserialize: JSON.parse }));
vi.mock('$app/navigation', () => ({ goto: vi.fn(), invalidateAll: vi.fn(), afterNavigate: vi.fn(), beforeNavigate: vi.fn() }));

const WIRING =
	'svelte-form-actions: this is a SvelteKit page but configure(sveltekit) was never called, so form results never reach ' +
	'$app/state, the form prop or +error.svelte. Call it once in the root layout (src/routes/+layout.svelte): ' +
	"import { configure } from 'svelte-form-actions'; import { sveltekit } from 'svelte-form-actions/sveltekit'; configure(sveltekit);";

const hint = (what: string) =>
	`svelte-form-actions: the error result of ${what} was shown nowhere. Add <ErrorBoundary root> to the app's root component to show it.`;

let warn: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;
let reported: Error[];

beforeEach(() => {
	history.replaceState(null, '', '/orders');
	warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	error = vi.spyOn(console, 'error').mockImplementation(() => {});
	reported = reports();
	server.use(http.post('/orders', () => actionResponse({ type: 'error', status: 503, error: { message: 'Database down' } })));
});
afterEach(() => {
	vi.restoreAllMocks();
	history.replaceState(null, '', '/');
});

/** Submits a form with no boundary around it and waits until its error is applied. */
async function submitUnshown(action = '?/save') {
	clearPage();
	const { form } = enhanced(`<form method="POST" action="${action}"><input name="note"></form>`);
	form.requestSubmit();
	await vi.waitFor(() => expect(page.error).toEqual({ message: 'Database down' }));
	return form;
}

describe('outside SvelteKit', () => {
	test('an error a boundary shows is not reported, and nothing is logged', async () => {
		server.use(http.post('/outer', () => actionResponse({ type: 'error', status: 503, error: { message: 'Down' } })));
		configure({ isCurrentPage: () => true });
		const user = userEvent.setup();
		render(Boundaries);
		await user.click(screen.getByRole('button', { name: 'Send outer' }));
		expect((await screen.findByRole('alert')).textContent).toContain('Down');
		expect(reported).toEqual([]);
		expect(error).not.toHaveBeenCalled();
		expect(warn).not.toHaveBeenCalled();
	});

	test('an error shown nowhere is reported as an Error naming method, path, status and the message, with the hint once', async () => {
		await submitUnshown();
		expect(reported).toHaveLength(1);
		expect(reported[0]).toBeInstanceOf(Error);
		expect(reported[0].message).toBe('error result of POST /orders?/save (503: Database down)');
		expect(reported[0].cause).toBe(page.error);
		expect(error.mock.calls).toEqual([[hint('POST /orders?/save (503: Database down)')]]);

		// Every error is reported; the hint is logged once per page load.
		await submitUnshown('?/again');
		expect(reported.map((report) => report.message)).toEqual([
			'error result of POST /orders?/save (503: Database down)',
			'error result of POST /orders?/again (503: Database down)'
		]);
		expect(error).toHaveBeenCalledTimes(1);
		expect(warn).not.toHaveBeenCalled();
	});

	test("each form's own action is named, also when the app's callback calls applyAction", async () => {
		const { form } = enhanced('<form method="POST" action="/orders?/cancel"></form>', () => async ({ result }) => {
			await applyAction(result);
		});
		form.requestSubmit();
		await vi.waitFor(() => expect(reported).toHaveLength(1));
		expect(reported[0].message).toBe('error result of POST /orders?/cancel (503: Database down)');
		// Applied by the app with no submission before it: no path to name.
		await applyAction({ type: 'error', error: new Error('Offline') });
		expect(reported[1].message).toBe('error result of POST /orders?/cancel (500: Offline)');
	});

	test('applyAction with no submission at all says so', async () => {
		await applyAction({ type: 'error', status: 404, error: { message: 'Gone' } });
		expect(reported.map((report) => report.message)).toEqual(['error result of applyAction() (404: Gone)']);
	});

	test('where reportError exists (browsers), it reports, and no event is dispatched by hand', async () => {
		const reportError = vi.fn();
		vi.stubGlobal('reportError', reportError);
		try {
			await submitUnshown();
		} finally {
			vi.unstubAllGlobals();
		}
		expect(reportError).toHaveBeenCalledTimes(1);
		expect(reportError.mock.calls[0][0]).toEqual(new Error('error result of POST /orders?/save (503: Database down)'));
		expect(reported).toEqual([]);
	});
});

describe('on a SvelteKit page (its server-rendered page defines __sveltekit_*)', () => {
	for (const name of ['__sveltekit_dev', '__sveltekit_1ajw6yi']) {
		describe(name, () => {
			beforeEach(() => ((globalThis as Record<string, unknown>)[name] = {}));
			afterEach(() => delete (globalThis as Record<string, unknown>)[name]);

			test('not wired: the first submission warns once; an error shown nowhere logs the wiring message, not the boundary hint, and is reported', async () => {
				await submitUnshown();
				expect(warn.mock.calls).toEqual([[WIRING]]);
				expect(error.mock.calls).toEqual([[WIRING]]);
				expect(reported.map((report) => report.message)).toEqual(['error result of POST /orders?/save (503: Database down)']);

				await submitUnshown();
				expect(warn).toHaveBeenCalledTimes(1);
				expect(error).toHaveBeenCalledTimes(1);
				expect(reported).toHaveLength(2);
			});

			test('wired with configure(sveltekit): nothing is logged or reported, SvelteKit gets the error', async () => {
				configure(sveltekit);
				await submitUnshown();
				expect(kit.applyAction).toHaveBeenCalledWith({ type: 'error', status: 503, error: { message: 'Database down' } });
				expect(warn).not.toHaveBeenCalled();
				expect(error).not.toHaveBeenCalled();
				expect(reported).toEqual([]);
			});
		});
	}

	test('without such a global, no wiring warning', async () => {
		const { form } = enhanced('<form method="POST" action="?/save"></form>');
		server.use(http.post('/orders', () => actionResponse({ type: 'success', status: 200, data: { ok: true } })));
		form.requestSubmit();
		await vi.waitFor(() => expect(page.form).toEqual({ ok: true }));
		expect(warn).not.toHaveBeenCalled();
	});
});

test("the docs quote the development messages as the library logs them", () => {
	// Vitest runs from the repository's root.
	const docs = (name: string) => fs.readFileSync(`docs/${name}`, 'utf8');
	expect(docs('testing.md')).toContain(WIRING);
	expect(docs('errors.md')).toContain(hint('POST /login?/login (503: Database down)'));
});
