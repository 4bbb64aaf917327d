// The SvelteKit wiring (`svelte-form-actions/sveltekit`) with fakes of `$app/forms` and
// `$app/navigation`: which results reach SvelteKit, and which never do.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as devalue from 'devalue';
import { http } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { config } from '../../src/lib/config.js';
import { applyAction, clearPage, configure, deserialize, page, repeat, submission, timeout } from '../../src/lib/index.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { resetAll } from '../../src/lib/testing/reset.js';
import { sveltekit } from '../../src/lib/sveltekit/index.js';
import Boundaries from '../fixtures/Boundaries.svelte';
import { enhanced, nextTask } from '../helpers/dom.js';
import { heldEndpoint } from '../helpers/held.js';
import { server } from '../setup/msw.js';

class Money {
	constructor(readonly cents: number) {}
}

const kit = vi.hoisted(() => ({
	applyAction: vi.fn(async (_result: unknown) => {}),
	goto: vi.fn(async (_url: unknown, _options?: unknown) => {}),
	invalidateAll: vi.fn(async () => {}),
	afterNavigate: vi.fn((_callback: () => void) => {}),
	beforeNavigate: vi.fn(),
	decoded: vi.fn()
}));

vi.mock('$app/forms', async () => {
	const devalue = await import('devalue');
	return {
		applyAction: kit.applyAction,
		// SvelteKit's: JSON, then devalue with the app's transport decoders.
		deserialize(text: string) {
			kit.decoded(text);
			const parsed = JSON.parse(text);
			if (parsed.data) parsed.data = devalue.parse(parsed.data, { Money: (cents: number) => new Money(cents) });
			return parsed;
		}
	};
});
vi.mock('$app/navigation', () => ({
	goto: kit.goto,
	invalidateAll: kit.invalidateAll,
	afterNavigate: kit.afterNavigate,
	beforeNavigate: kit.beforeNavigate
}));

const money = devalue.stringify({ price: new Money(1999) }, { Money: (value) => value instanceof Money && value.cents });

beforeEach(() => {
	vi.clearAllMocks();
	configure(sveltekit);
});

describe('configure(sveltekit)', () => {
	test("sets SvelteKit's goto, invalidateAll, beforeNavigate; registers a clearing afterNavigate", () => {
		expect(config.invalidateAll).toBe(kit.invalidateAll);
		expect(config.beforeNavigate).toBe(kit.beforeNavigate);
		expect(kit.afterNavigate).toHaveBeenCalledTimes(1);
		expect(kit.afterNavigate).toHaveBeenCalledWith(clearPage);
	});

	test('resetAll() removes every option it set', () => {
		resetAll();
		for (const name of ['applyAction', 'decode', 'afterNavigate', 'beforeNavigate'] as const) expect(config[name]).toBeUndefined();
		expect(config.goto).not.toBe(sveltekit.goto);
		// deserialize reads SvelteKit's decoding from the transport registry: reset there too.
		deserialize(JSON.stringify({ type: 'success', status: 200, data: devalue.stringify({ price: 1999 }) }));
		expect(kit.decoded).not.toHaveBeenCalled();
	});
});

describe('results handed to SvelteKit', () => {
	test("a success of the current page: the library's page, then SvelteKit's applyAction, once", async () => {
		server.use(http.post('/here', () => actionResponse({ type: 'success', status: 200, data: { saved: true } })));
		history.replaceState(null, '', '/here');
		enhanced('<form method="POST" action="/here"><button>Save</button></form>');
		screen.getByRole('button').click();
		await vi.waitFor(() => expect(kit.applyAction).toHaveBeenCalledTimes(1));
		expect(kit.applyAction).toHaveBeenCalledWith({ type: 'success', status: 200, data: { saved: true } });
		expect(page.form).toEqual({ saved: true });
		expect(kit.invalidateAll).toHaveBeenCalledTimes(1);
	});

	test('a stale result never reaches SvelteKit: the newer one alone does', async () => {
		const endpoint = heldEndpoint('/here');
		server.use(endpoint.handler);
		history.replaceState(null, '', '/here');
		enhanced('<form method="POST" action="/here"><button>Save</button></form>');
		screen.getByRole('button').click();
		screen.getByRole('button').click();
		await vi.waitFor(() => expect(endpoint.requests).toHaveLength(2));
		endpoint.requests[1].answer({ type: 'failure', status: 422, data: { n: 2 } });
		await vi.waitFor(() => expect(kit.applyAction).toHaveBeenCalledTimes(1));
		endpoint.requests[0].answer({ type: 'failure', status: 422, data: { n: 1 } });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(kit.applyAction.mock.calls).toEqual([[{ type: 'failure', status: 422, data: { n: 2 } }]]);
		expect(page.form).toEqual({ n: 2 });
	});

	test('a result for another page reaches neither page', async () => {
		server.use(http.post('/elsewhere', () => actionResponse({ type: 'failure', status: 400, data: {} })));
		history.replaceState(null, '', '/here');
		enhanced('<form method="POST" action="/elsewhere"><button>Save</button></form>');
		screen.getByRole('button').click();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(kit.applyAction).not.toHaveBeenCalled();
		expect(page.form).toBeNull();
	});

	test('an error no boundary shows goes to SvelteKit (its nearest +error.svelte)', async () => {
		const error = { message: 'Down' };
		await applyAction({ type: 'error', status: 503, error });
		expect(kit.applyAction).toHaveBeenCalledWith({ type: 'error', status: 503, error });
		expect(page.error).toBe(error);
	});

	test('an error a boundary shows stays there: SvelteKit never sees it, the form keeps its input', async () => {
		configure({ isCurrentPage: () => true });
		server.use(http.post('/inner', () => actionResponse({ type: 'error', status: 503, error: { message: 'Down' } })));
		const user = userEvent.setup();
		render(Boundaries, { withRoot: false });
		await user.type(screen.getByLabelText('Inner note'), 'my draft');
		await user.click(screen.getByRole('button', { name: 'Send inner' }));
		expect((await screen.findByTestId('inner-error')).textContent).toBe('Inner 503: Down');
		expect((screen.getByLabelText('Inner note') as HTMLInputElement).value).toBe('my draft');
		expect(kit.applyAction).not.toHaveBeenCalled();
	});

	test('a timeout (beyond SvelteKit) still ends as an error result SvelteKit shows', async () => {
		server.use(http.post('/slow', () => new Promise<Response>(() => {})));
		enhanced('<form method="POST" action="/slow"><button>Save</button></form>', { use: [timeout(20)] });
		screen.getByRole('button').click();
		await vi.waitFor(() => expect(kit.applyAction).toHaveBeenCalledTimes(1));
		const [[result]] = kit.applyAction.mock.calls as [[any]];
		expect(result.type).toBe('error');
		expect(result.error.message).toMatch(/timed out after 20 ms/);
	});
});

describe('redirects: checked first, then SvelteKit navigates', () => {
	test("a same-origin redirect goes through SvelteKit's goto, with invalidateAll", async () => {
		await applyAction({ type: 'redirect', status: 303, location: '/done' });
		expect(kit.goto).toHaveBeenCalledWith(new URL('/done', location.href).href, { invalidateAll: true });
		expect(kit.applyAction).not.toHaveBeenCalled();
	});

	test('a script URL never reaches SvelteKit: it becomes an error result', async () => {
		await applyAction({ type: 'redirect', status: 303, location: 'javascript:alert(1)' });
		expect(kit.goto).not.toHaveBeenCalled();
		const [[result]] = kit.applyAction.mock.calls as [[any]];
		expect(result.type).toBe('error');
		expect(result.error.message).toMatch(/Refused to navigate to javascript: URL/);
	});

	test('an origin outside allowedOrigins never reaches SvelteKit', async () => {
		configure({ allowedOrigins: ['https://auth.example.com'] });
		await applyAction({ type: 'redirect', status: 303, location: 'https://evil.example.net/' });
		expect(kit.goto).not.toHaveBeenCalled();
		expect((kit.applyAction.mock.calls[0][0] as any).error.message).toMatch(/Refused to follow a redirect/);
	});
});

describe("deserialize: the library's checks, then the app's transport decoders", () => {
	test('data decodes with the transport hook types', () => {
		const result = deserialize(JSON.stringify({ type: 'success', status: 200, data: money }));
		expect(result.type === 'success' && result.data?.price).toBeInstanceOf(Money);
		expect(result.type === 'success' && result.data?.price.cents).toBe(1999);
	});

	test('a __proto__ key or a bad shape is refused before SvelteKit decodes anything', () => {
		expect(() => deserialize('{"type":"success","status":200,"__proto__":{}}')).toThrow(/__proto__/);
		expect(() => deserialize('{"type":"success","data":"[1]"}')).toThrow(/numeric "status"/);
		expect(kit.decoded).not.toHaveBeenCalled();
	});

	test("data nested too deeply for SvelteKit's decoding is refused in words, not its stack overflow", () => {
		const data = JSON.stringify([...Array.from({ length: 1e5 }, (_, i) => [i + 1]), 0]);
		expect(() => deserialize(JSON.stringify({ type: 'success', status: 200, data }))).toThrow(/^Not an action result: "data" is nested too deeply$/);
		expect(kit.decoded).toHaveBeenCalled();
	});

	test('a later configure({ transport }) wins; a later configure(sveltekit) wins back', () => {
		const text = JSON.stringify({ type: 'success', status: 200, data: money });
		configure({ transport: { Money: { encode: () => false, decode: (cents: number) => ({ own: cents }) } } });
		const price = () => {
			const result = deserialize(text);
			return result.type === 'success' && result.data?.price;
		};
		expect(price()).toEqual({ own: 1999 });
		configure(sveltekit);
		expect(price()).toBeInstanceOf(Money);
	});
});

test('a navigation (SvelteKit calling the afterNavigate callback) clears page and every boundary', async () => {
	render(Boundaries);
	await applyAction({ type: 'error', status: 500, error: new Error('Lost connection') });
	await screen.findByRole('alert');
	const [[navigated]] = kit.afterNavigate.mock.calls;
	navigated();
	await nextTask();
	expect(screen.queryByRole('alert')).toBeNull();
	expect(page.error).toBeNull();
});

test('configure(sveltekit) outside component initialisation says where it belongs', () => {
	const afterNavigate = () => {
		throw new Error('lifecycle_outside_component');
	};
	expect(() => configure({ afterNavigate })).toThrow(/top level of the root \+layout\.svelte script/);
});

test('an answer that is not an action result, with a 2xx status, reaches SvelteKit as a 500', async () => {
	server.use(http.post('/html', () => new Response('<!doctype html><p>Hello</p>', { headers: { 'content-type': 'text/html' } })));
	enhanced('<form method="POST" action="/html"><button>Save</button></form>');
	screen.getByRole('button').click();
	await vi.waitFor(() => expect(kit.applyAction).toHaveBeenCalledTimes(1));
	const [[result]] = kit.applyAction.mock.calls as [[any]];
	expect(result.status).toBe(500);
	expect(result.error.message).toMatch(/^POST \/html answered HTTP 200: Not an action result/);
	// The library's own page keeps the status that arrived.
	expect(page.status).toBe(200);
});

test("submission() and repeat('prevent') (beyond SvelteKit) work unchanged under the wiring", async () => {
	const endpoint = heldEndpoint('/here');
	server.use(endpoint.handler);
	history.replaceState(null, '', '/here');
	const state = submission();
	enhanced('<form method="POST" action="/here"><button>Save</button></form>', { use: [repeat('prevent'), state] });
	screen.getByRole('button').click();
	await vi.waitFor(() => expect(endpoint.requests).toHaveLength(1));
	screen.getByRole('button').click();
	expect(state.submitting).toBe(true);
	endpoint.requests[0].answer({ type: 'success', status: 200, data: { ok: true } });
	await vi.waitFor(() => expect(state.submitting).toBe(false));
	expect(state.result).toEqual({ type: 'success', status: 200, data: { ok: true } });
	expect(endpoint.requests).toHaveLength(1);
	expect(kit.applyAction).toHaveBeenCalledTimes(1);
});

test("an older success whose hand-over to SvelteKit ends after a newer result was applied moves no focus", async () => {
	let fail = (_error: Error) => {};
	kit.applyAction.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
	const older = applyAction({ type: 'success', status: 200, data: { n: 1 } });
	await vi.waitFor(() => expect(kit.applyAction).toHaveBeenCalledTimes(1));
	// A newer failure is applied meanwhile; the user is typing again.
	await applyAction({ type: 'failure', status: 400, data: { n: 2 } });
	const input = document.body.appendChild(document.createElement('input'));
	input.focus();
	// SvelteKit's focus reset, broken by clobbered markup, fails for the older one only now.
	fail(new TypeError('document.querySelector is not a function'));
	await older;
	expect(page.form).toEqual({ n: 2 });
	expect(document.activeElement).toBe(input);
	input.remove();
});

test("SvelteKit's focus reset broken by clobbered markup: the result stands, the library resets focus", async () => {
	kit.applyAction.mockImplementationOnce(async () => {
		// What SvelteKit's reset_focus meets under `<img name="querySelector">`.
		throw new TypeError('document.querySelector is not a function');
	});
	const input = document.body.appendChild(document.createElement('input'));
	input.focus();
	await applyAction({ type: 'success', status: 200, data: { saved: true } });
	expect(page.form).toEqual({ saved: true });
	expect(page.error).toBeNull();
	expect(document.activeElement).toBe(document.body);
	input.remove();
});

test("configure(sveltekit) adds the sveltekit3() plug: a SvelteKit 3 result of another page navigates there", async () => {
	server.use(http.post('*/save', () => actionResponse({ type: 'failure', status: 400, data: { there: true }, location: '/lists' }, { status: 400 })));
	const { form } = enhanced('<form method="POST" action="/save?/save"><button>Save</button></form>');
	form.requestSubmit();
	await vi.waitFor(() => expect(kit.goto).toHaveBeenCalled());
	expect(String(kit.goto.mock.calls[0][0])).toMatch(/\/lists$/);
});
