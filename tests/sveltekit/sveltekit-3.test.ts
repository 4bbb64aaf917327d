// `configure(sveltekit)` inside SvelteKit 3 (fakes of `$app/*`, `@sveltejs/kit` saying 3.2.0):
// SvelteKit 3's non-deprecated names only, so no deprecation warning appears because of us.
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { deferred, enhanced } from '../helpers/dom.js';
import { server } from '../setup/msw.js';

const kit = vi.hoisted(() => ({
	version: '3.2.0',
	applyAction: vi.fn(async (_result: unknown) => {}),
	goto: vi.fn(async (_url: unknown, _options?: unknown) => {}),
	invalidateAll: vi.fn(async () => {}),
	refreshAll: vi.fn(async () => {})
}));

vi.mock('@sveltejs/kit', () => ({
	get VERSION() {
		return kit.version;
	}
}));
vi.mock('$app/forms', () => ({ applyAction: kit.applyAction, deserialize: JSON.parse }));
vi.mock('$app/navigation', () => ({
	goto: kit.goto,
	invalidateAll: kit.invalidateAll,
	refreshAll: kit.refreshAll,
	afterNavigate: () => {},
	beforeNavigate: () => {}
}));

/** The wiring as a SvelteKit of `version` loads it (the version is read once, at import). */
async function wire(version: string) {
	kit.version = version;
	vi.resetModules();
	const { sveltekit } = await import('../../src/lib/sveltekit/index.js');
	// `configure` and `enhance` from the same fresh modules as the wiring.
	const library = await import('../../src/lib/index.js');
	library.configure(sveltekit);
	return library;
}

/**
 * Posts a form to `action`, whose server answers `result` (as JSON, or the response `answer`
 * makes); resolves once `update()` finished.
 */
async function submit(library: Awaited<ReturnType<typeof wire>>, answer: Record<string, unknown> | (() => Response), action = '/list?/save') {
	server.use(http.post('*', typeof answer === 'function' ? answer : () => HttpResponse.json(answer)));
	const done = deferred();
	const form = document.createElement('form');
	form.method = 'POST';
	form.action = action;
	document.body.replaceChildren(form);
	library.enhance(form, () => async ({ update }) => {
		await update();
		done.resolve();
	});
	form.requestSubmit();
	await done.promise;
}

beforeEach(() => {
	vi.clearAllMocks();
	history.replaceState(null, '', '/list');
});
afterEach(() => {
	document.body.replaceChildren();
});

describe('inside SvelteKit 3', () => {
	test('a success refreshes with refreshAll, never the deprecated invalidateAll', async () => {
		const library = await wire('3.2.0');
		await submit(library, { type: 'success', status: 204, location: '/list' });
		expect(kit.refreshAll).toHaveBeenCalledOnce();
		expect(kit.invalidateAll).not.toHaveBeenCalled();
		expect(kit.applyAction).toHaveBeenCalledWith({ type: 'success', status: 204, location: '/list' });
	});

	test("a redirect calls goto with { refreshAll: true }: no invalidateAll option at all", async () => {
		const library = await wire('3.2.0');
		await submit(library, { type: 'redirect', status: 303, location: '/done' });
		expect(kit.goto).toHaveBeenCalledWith('http://localhost:3000/done', { refreshAll: true });
	});

	test("another page's failure: goto there with { refreshAll: false }, then SvelteKit's applyAction", async () => {
		const library = await wire('3.2.0');
		const failure = { type: 'failure', status: 400, location: '/other' };
		await submit(library, failure, '/other?/save');
		expect(kit.goto).toHaveBeenCalledWith('http://localhost:3000/other', { refreshAll: false });
		expect(kit.applyAction).toHaveBeenCalledWith(failure);
		expect(kit.goto.mock.invocationCallOrder[0]).toBeLessThan(kit.applyAction.mock.invocationCallOrder[0]);
	});

	test("an error the browser made reaches SvelteKit 3 as an App.Error with its status (its error page reads it there)", async () => {
		const library = await wire('3.2.0');
		await submit(library, () => HttpResponse.error());
		expect(kit.applyAction).toHaveBeenCalledOnce();
		expect(kit.applyAction).toHaveBeenCalledWith({
			type: 'error',
			error: { status: 500, message: expect.stringMatching(/^POST \/list\?\/save failed: /) }
		});
	});

	test("a server's error, which has its status, reaches SvelteKit 3 as it came", async () => {
		const library = await wire('3.2.0');
		const error = { type: 'error', error: { status: 503, message: 'Database down' }, location: '/list' };
		await submit(library, () => HttpResponse.json(error, { status: 503 }));
		expect(kit.applyAction).toHaveBeenCalledOnce();
		expect(kit.applyAction).toHaveBeenCalledWith({ ...error, status: 503 });
	});
});

describe('inside SvelteKit 2', () => {
	test("SvelteKit 2's names, as its enhance uses them", async () => {
		const library = await wire('2.70.4');
		await submit(library, { type: 'success', status: 204 });
		expect(kit.invalidateAll).toHaveBeenCalledOnce();
		expect(kit.refreshAll).not.toHaveBeenCalled();
		await submit(library, { type: 'redirect', status: 303, location: '/done' });
		expect(kit.goto).toHaveBeenCalledWith('http://localhost:3000/done', { invalidateAll: true });
	});

	test('an error the browser made reaches SvelteKit 2 as it is: its error page takes the status from the result', async () => {
		const library = await wire('2.70.4');
		await submit(library, () => HttpResponse.error());
		expect(kit.applyAction).toHaveBeenCalledOnce();
		const [result] = kit.applyAction.mock.calls[0] as [{ status?: number; error: unknown }];
		// SvelteKit 2 shows `result.status ?? 500`.
		expect(result.status).toBeUndefined();
		expect(result.error).toBeInstanceOf(Error);
	});
});
