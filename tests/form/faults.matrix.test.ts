import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import * as devalue from 'devalue';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { configure, page, repeat, timeout } from '../../src/lib/index.js';
import type { ActionResult, Config, EnhanceOptions } from '../../src/lib/index.js';
import FaultForm from '../fixtures/FaultForm.svelte';
import { deferred } from '../helpers/dom.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';

/**
 * The fault matrix: every way a submission can go wrong, each row checked three ways by one
 * runner:
 * (a) the result the callback gets and the state it leaves (`page`, the error boundary, navigation);
 * (b) every field still holds exactly what the user typed, files included, and the form was never
 *     reset (jsdom's reset keeps selected files, so the `reset` event is watched too);
 * (c) the form is usable again: the next submission sends everything that was typed and its
 *     result is applied.
 * Adding a fault is adding a row.
 */

const ORIGIN = 'http://localhost:3000';
const TITLE = `Ada's "report" <draft> & more`;
const PDF = new File(['%PDF-1.7 not really'], 'report.pdf', { type: 'application/pdf' });
const CSV = new File(['a,b\n1,2\n'], 'data.csv', { type: 'text/csv' });

/** What the fields hold once the user has filled them in (see `fill`). */
const TYPED = {
	title: TITLE,
	notes: 'First line\nsecond line',
	agree: true,
	news: false,
	size: 'large',
	plan: ['team'],
	tags: ['a', 'c'],
	attachments: ['report.pdf:19:application/pdf', 'data.csv:8:text/csv']
};

/** What a server reads from the form once it is submitted with "Save" (multipart: CRLF newlines). */
const SENT = [
	['title', TITLE],
	['notes', 'First line\r\nsecond line'],
	['agree', 'on'],
	['size', 'large'],
	['plan', 'team'],
	['tags', 'a'],
	['tags', 'c'],
	['attachments', 'file report.pdf application/pdf %PDF-1.7 not really'],
	['attachments', 'file data.csv text/csv a,b\n1,2\n'],
	['intent', 'save']
];

interface Outcome {
	/** What the submit function's callback received, in order. */
	results: ActionResult[];
	/** How many requests reached the server. */
	requests: number;
	page: { form: unknown; status: number; error: any };
	/** The text the root error boundary shows, or null. */
	alert: string | null;
	goto: Mock<Config['goto']>;
	assign: Mock<(url: string) => void>;
	invalidateAll: Mock<Config['invalidateAll']>;
}

interface Context {
	/** The controller of the latest submission. */
	controller: AbortController;
	/** Unmounts the component that holds the form. */
	unmount: () => void;
}

interface Row {
	name: string;
	/** The server's (or the network's) answer to each submission. */
	respond: (request: Request) => Response | Promise<Response>;
	/** More `use:enhance` options, beside the submit function (a timeout, a repeat-submit policy). */
	options?: Omit<EnhanceOptions, 'submit'>;
	/** How many times the user presses Save before anything comes back (default 1). */
	submits?: number;
	/** What happens while the requests are under way, before the server answers. */
	during?: (context: Context) => void;
	/** How many times the callback is called in the end (default: once per submit; 0: silent). */
	callbacks?: number;
	/** Whether the form is unmounted by `during` (then (c) mounts a new one). */
	unmounts?: boolean;
	/** (a): the result and the state it leaves. */
	expect: (outcome: Outcome) => void;
}

// Expectations shared by rows.

/** An `error` result made by the library: an `Error` saying what happened, shown by the boundary. */
function errorResult(status: number | undefined, message: RegExp) {
	return (outcome: Outcome) => {
		expect(outcome.results).toHaveLength(1);
		const [result] = outcome.results;
		expect(result.type).toBe('error');
		expect(result.type === 'error' && result.status).toBe(status);
		const { error } = result as { error: Error };
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(message);
		// A message meant for a person: never the whole (possibly 10 MB) body.
		expect(error.message.length).toBeLessThan(1000);
		expect(outcome.page).toEqual({ form: null, status: status ?? 500, error });
		expect(outcome.alert).toContain(error.message);
		expectNoNavigation(outcome);
	};
}

function expectNoNavigation(outcome: Outcome) {
	expect(outcome.goto).not.toHaveBeenCalled();
	expect(outcome.assign).not.toHaveBeenCalled();
	expect(outcome.invalidateAll).not.toHaveBeenCalled();
}

/** Nothing happened at all: no state written, nothing shown, nowhere navigated. */
function untouched(outcome: Outcome) {
	expect(outcome.page).toEqual({ form: null, status: 200, error: null });
	expect(outcome.alert).toBeNull();
	expectNoNavigation(outcome);
}

const json = (body: string, status = 200) => new HttpResponse(body, { status, headers: { 'content-type': 'application/json' } });
const MiB = 1024 * 1024;

/** Failure data that serializes to more than 10 MB: many small objects and one long string. */
function bigData() {
	const rows = Array.from({ length: 40_000 }, (_, id) => ({ id, label: `row ${id}`, at: new Date(id) }));
	return { rows, blob: 'x'.repeat(9 * MiB), title: TITLE };
}

const rows: Row[] = [
	{
		name: 'network failure',
		respond: () => HttpResponse.error(),
		expect: errorResult(undefined, /^POST \/save\?\/save failed: /)
	},
	{
		name: 'abort (controller.abort() while the request is under way)',
		respond: () => actionResponse({ type: 'success', status: 200, data: { saved: true } }),
		during: ({ controller }) => controller.abort(),
		callbacks: 0,
		expect(outcome) {
			expect(outcome.results).toEqual([]);
			expect(outcome.requests).toBe(1);
			untouched(outcome);
		}
	},
	{
		name: 'HTTP 502 with an HTML body',
		respond: () => HttpResponse.html('<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>', { status: 502 }),
		expect: errorResult(502, /^POST \/save\?\/save answered HTTP 502: Not an action result: the body is not JSON .*HTML page/)
	},
	{
		name: "SvelteKit's 403 cross-site refusal",
		// Exactly what SvelteKit's CSRF check answers a request with `accept: application/json`.
		respond: () => HttpResponse.json({ message: 'Cross-site POST form submissions are forbidden' }, { status: 403 }),
		expect: errorResult(403, /answered HTTP 403: Cross-site POST form submissions are forbidden.*CSRF check/)
	},
	{
		name: 'empty body (HTTP 200)',
		respond: () => new HttpResponse(null, { status: 200 }),
		expect: errorResult(200, /answered HTTP 200: Not an action result: the body is not JSON/)
	},
	{
		name: 'empty body (HTTP 204)',
		respond: () => new HttpResponse(null, { status: 204 }),
		expect: errorResult(204, /answered HTTP 204: Not an action result: the body is not JSON/)
	},
	{
		name: 'truncated JSON',
		respond: () => json('{"type":"failure","status":400,"data":"[{\\"email\\":1},\\"ada'),
		expect: errorResult(200, /Not an action result: the body is not JSON/)
	},
	{
		name: 'JSON of the wrong shape (an API object)',
		respond: () => HttpResponse.json({ ok: true, id: 7 }),
		expect: errorResult(200, /Not an action result: unknown "type" undefined/)
	},
	{
		name: 'JSON of the wrong shape (an array)',
		respond: () => json('[{"type":"success","status":200}]'),
		expect: errorResult(200, /Not an action result: unknown "type" undefined/)
	},
	{
		name: 'JSON of the wrong shape (null)',
		respond: () => json('null'),
		expect: errorResult(200, /Not an action result: expected an object/)
	},
	{
		name: 'JSON of the wrong shape (a status that is not a number)',
		respond: () => json('{"type":"failure","status":"400","data":"[{}]"}'),
		expect: errorResult(200, /Not an action result: a failure without a numeric "status"/)
	},
	{
		name: 'JSON of the wrong shape (data that is not a devalue string)',
		respond: () => json('{"type":"success","status":200,"data":{"saved":true}}'),
		expect: errorResult(200, /Not an action result: "data" is not a string/)
	},
	{
		name: 'unknown type',
		respond: () => json('{"type":"teapot","status":418}', 418),
		expect: errorResult(418, /Not an action result: unknown "type" "teapot"/)
	},
	{
		name: 'invalid devalue payload',
		respond: () => json('{"type":"success","status":200,"data":"[{\\"a\\":9}]"}'),
		expect: errorResult(200, /Not an action result: "data" is not valid devalue output/)
	},
	{
		name: 'devalue payload of a custom type nobody registered',
		respond: () => json(JSON.stringify({ type: 'failure', status: 400, data: '[["Vector",1],[2,3],1,2]' })),
		expect: errorResult(200, /"data" is not valid devalue output \(Unknown type Vector\)/)
	},
	{
		name: 'a 10 MB valid response (applied correctly)',
		respond: () => {
			const response = actionResponse({ type: 'failure', status: 422, data: bigData() });
			return response;
		},
		expect(outcome) {
			const expected = bigData();
			expect(outcome.results).toEqual([{ type: 'failure', status: 422, data: expected }]);
			expect(outcome.page).toEqual({ form: expected, status: 422, error: null });
			expect(outcome.alert).toBeNull();
			expectNoNavigation(outcome);
		}
	},
	{
		name: 'a 10 MB invalid response (error result)',
		respond: () => json(`{"type":"failure","status":400,"data":"${'["x",'.repeat((10 * MiB) / 5)}`),
		expect: errorResult(200, /Not an action result: the body is not JSON/)
	},
	{
		name: 'a redirect without location',
		respond: () => json('{"type":"redirect","status":303}'),
		expect: errorResult(200, /Not an action result: a redirect without "location"/)
	},
	{
		name: 'a redirect whose location is no URL',
		respond: () => json('{"type":"redirect","status":303,"location":"http://[::1"}'),
		expect: errorResult(200, /Not an action result: "location" is not a URL/)
	},
	{
		name: 'a redirect to a script URL (refused)',
		respond: () => json('{"type":"redirect","status":303,"location":"java\\tscript:alert(document.cookie)"}'),
		expect(outcome) {
			expect(outcome.results).toEqual([{ type: 'redirect', status: 303, location: 'java\tscript:alert(document.cookie)' }]);
			expect(outcome.page.error.message).toMatch(/^Refused to navigate to javascript: URL/);
			expect(outcome.page.status).toBe(500);
			expect(outcome.alert).toContain('Refused to navigate to javascript: URL');
			expectNoNavigation(outcome);
		}
	},
	...(
		[
			['a success', { type: 'success', status: 200, data: { saved: true } }],
			['a failure', { type: 'failure', status: 400, data: { invalid: true } }],
			['a redirect', { type: 'redirect', status: 303, location: '/elsewhere' }],
			['an error', { type: 'error', status: 500, error: { message: 'late' } }]
		] as Array<[string, ActionResult]>
	).map(
		([what, result]): Row => ({
			name: `${what} arriving after the form was unmounted (no errors, no state writes, no navigation)`,
			respond: () => actionResponse(result),
			during: ({ unmount }) => unmount(),
			unmounts: true,
			expect(outcome) {
				// The custom callback still hears of it (as SvelteKit's does); its update() does nothing.
				expect(outcome.results).toEqual([result]);
				untouched(outcome);
			}
		})
	),
	{
		name: 'a network failure after the form was unmounted',
		respond: () => HttpResponse.error(),
		during: ({ unmount }) => unmount(),
		unmounts: true,
		expect(outcome) {
			expect(outcome.results.map((result) => result.type)).toEqual(['error']);
			untouched(outcome);
		}
	},
	// Not faults, but the protocol's own non-success paths: what was typed is kept there too.
	{
		name: 'a failure (fail(400, ...))',
		respond: () => actionResponse({ type: 'failure', status: 400, data: { title: TITLE, missing: 'notes' } }),
		expect(outcome) {
			expect(outcome.page).toEqual({ form: { title: TITLE, missing: 'notes' }, status: 400, error: null });
			expectNoNavigation(outcome);
		}
	},
	{
		name: 'an error result (the action threw)',
		respond: () => actionResponse({ type: 'error', status: 500, error: { message: 'Internal Error' } }),
		expect(outcome) {
			expect(outcome.page).toEqual({ form: null, status: 500, error: { message: 'Internal Error' } });
			expect(outcome.alert).toContain('Internal Error');
			expectNoNavigation(outcome);
		}
	},
	{
		name: 'a same-origin redirect (the form is not reset before navigating)',
		respond: () => actionResponse({ type: 'redirect', status: 303, location: '/done' }),
		expect(outcome) {
			expect(outcome.goto).toHaveBeenCalledWith(`${ORIGIN}/done`, { invalidateAll: true });
			expect(outcome.page).toEqual({ form: null, status: 200, error: null });
		}
	},
	{
		name: "repeated submits without a policy, answered in order (SvelteKit 2's behaviour: each is sent, each result applied)",
		respond: async (request) => {
			const n = Number(new URL(request.url).searchParams.get('n') ?? 0);
			return actionResponse({ type: 'failure', status: 400, data: { n } });
		},
		submits: 3,
		expect(outcome) {
			expect(outcome.requests).toBe(3);
			expect(outcome.results.map((result) => result.type)).toEqual(['failure', 'failure', 'failure']);
			expect(outcome.page.status).toBe(400);
			expectNoNavigation(outcome);
		}
	}
];

/** Answers submission `n` (0, 1, 2) with a failure carrying `n`, the first ones last. */
/**
 * Answers three submissions newest first: the newest (n = 2) at once, the older ones only after
 * it, oldest last. Ordered by the newest's answer, not by the clock, so a slow machine that
 * delays a request cannot swap the order.
 */
function newestFirst() {
	const newest = deferred();
	return async (request: Request) => {
		const n = submissionOf(request);
		if (n === 2) newest.resolve();
		else {
			await newest.promise;
			await new Promise((resolve) => setTimeout(resolve, (2 - n) * 25));
		}
		return answer(n);
	};
}

/** Each submission answered as soon as it arrives. */
async function inOrder(request: Request) {
	return answer(submissionOf(request));
}

function submissionOf(request: Request) {
	return Number(new URL(request.url).searchParams.get('n') ?? 0);
}

function answer(n: number) {
	return actionResponse({ type: 'failure', status: 400, data: { n } });
}

/** Only submission `n`'s result was applied, and nothing navigated. */
function onlyApplied(n: number) {
	return (outcome: Outcome) => {
		expect(outcome.results).toEqual([{ type: 'failure', status: 400, data: { n } }]);
		expect(outcome.page).toEqual({ form: { n }, status: 400, error: null });
		expectNoNavigation(outcome);
	};
}

// Rows for the options of "Beyond SvelteKit": a request timeout and the repeat-submit policies.
rows.push(
	{
		name: 'timeout (the request is aborted, an error result says so)',
		options: { use: [timeout(50)] },
		respond: () => new Promise<Response>(() => {}),
		expect: errorResult(undefined, /^POST \/save\?\/save timed out after 50 ms$/)
	},
	{
		name: "repeated submits, no repeat(), answers out of order (older results discarded)",
		options: {},
		respond: newestFirst(),
		submits: 3,
		callbacks: 1,
		expect(outcome) {
			expect(outcome.requests).toBe(3);
			onlyApplied(2)(outcome);
		}
	},
	{
		name: "repeated submits, repeat('abort') (earlier requests aborted silently)",
		options: { use: [repeat('abort')] },
		respond: newestFirst(),
		submits: 3,
		callbacks: 1,
		expect: onlyApplied(2)
	},
	{
		name: "repeated submits, repeat('prevent') (later submits ignored while one is pending)",
		options: { use: [repeat('prevent')] },
		// Only the first is sent: it is answered as it comes.
		respond: inOrder,
		submits: 3,
		callbacks: 1,
		expect(outcome) {
			expect(outcome.requests).toBe(1);
			onlyApplied(0)(outcome);
		}
	}
);

// The runner.

let goto: Mock<Config['goto']>;
let invalidateAll: Mock<Config['invalidateAll']>;
let assign: Mock<(url: string) => void>;
let problems: unknown[];
const onError = (event: ErrorEvent) => problems.push(event.error);

beforeEach(() => {
	history.replaceState(null, '', '/save');
	assign = vi.fn();
	// jsdom cannot navigate: a cross-origin or default navigation is observed instead.
	vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location);
	goto = vi.fn<Config['goto']>();
	invalidateAll = vi.fn<Config['invalidateAll']>();
	configure({ goto, invalidateAll });
	problems = [];
	window.addEventListener('error', onError);
	for (const method of ['error', 'warn'] as const) {
		vi.spyOn(console, method).mockImplementation((...args) => void problems.push(args));
	}
});
afterEach(() => {
	window.removeEventListener('error', onError);
	vi.restoreAllMocks();
	history.replaceState(null, '', '/');
});

/** Fills every field as a user would. */
async function fill(user: ReturnType<typeof userEvent.setup>) {
	await user.type(screen.getByLabelText('Title'), TITLE);
	await user.type(screen.getByLabelText('Notes'), 'First line{Enter}second line');
	await user.click(screen.getByLabelText('Agree'));
	await user.click(screen.getByLabelText('Weekly news'));
	await user.click(screen.getByLabelText('Large'));
	await user.selectOptions(screen.getByLabelText('Plan'), 'team');
	await user.deselectOptions(screen.getByLabelText('Tags'), 'b');
	await user.selectOptions(screen.getByLabelText('Tags'), ['a', 'c']);
	await user.upload(screen.getByLabelText('Attachments'), [PDF, CSV]);
}

/** What every field of `form` holds. */
function values(form: HTMLFormElement) {
	const field = <T extends Element>(name: string) => form.querySelector<T & Element>(`[name="${name}"]`)!;
	const selected = (name: string) => [...field<HTMLSelectElement>(name).selectedOptions].map((option) => option.value);
	return {
		title: field<HTMLInputElement>('title').value,
		notes: field<HTMLTextAreaElement>('notes').value,
		agree: field<HTMLInputElement>('agree').checked,
		news: field<HTMLInputElement>('news').checked,
		size: form.querySelector<HTMLInputElement>('[name=size]:checked')?.value,
		plan: selected('plan'),
		tags: selected('tags'),
		attachments: [...field<HTMLInputElement>('attachments').files!].map((file) => `${file.name}:${file.size}:${file.type}`)
	};
}

/** The entries of a multipart body as the server reads them; files as one descriptive string. */
async function entries(request: Request) {
	const read: string[][] = [];
	for (const [name, value] of await request.formData()) {
		read.push([name, typeof value === 'string' ? value : `file ${value.name} ${value.type} ${await value.text()}`]);
	}
	return read;
}

async function run(row: Row) {
	const user = userEvent.setup({ delay: null });
	const results: ActionResult[] = [];
	const context = {} as Context;
	const options: EnhanceOptions = {
		...row.options,
		submit: (input) => {
			context.controller = input.controller;
			return async ({ result, update }) => {
				await update();
				results.push(result);
			};
		}
	};
	const { unmount } = render(FaultForm, { options });
	context.unmount = unmount;
	const form = document.querySelector('form')!;
	let resets = 0;
	form.addEventListener('reset', () => resets++);
	await fill(user);
	expect(values(form)).toEqual(TYPED);
	const files = [...form.querySelector<HTMLInputElement>('[name=attachments]')!.files!];

	// The server holds every answer until `during` has happened.
	let requests = 0;
	const arrived = deferred();
	const release = deferred();
	server.use(
		http.post('/save', async ({ request }) => {
			requests++;
			arrived.resolve();
			await release.promise;
			return row.respond(request);
		})
	);
	const submits = row.submits ?? 1;
	for (let i = 0; i < submits; i++) {
		// Each submission posts to its own URL, so a row can tell them apart.
		if (submits > 1) form.setAttribute('action', `/save?/save&n=${i}`);
		await user.click(screen.getByRole('button', { name: 'Save' }));
	}
	await arrived.promise;
	row.during?.(context);
	const focused = document.activeElement;
	release.resolve();
	const callbacks = row.callbacks ?? submits;
	await vi.waitFor(() => expect(results.length).toBe(callbacks), { timeout: 5000 });
	// Long enough for anything applied late (after the callback) to show.
	await new Promise((resolve) => setTimeout(resolve, 30));

	// (a)
	row.expect({
		results,
		requests,
		page: { form: page.form, status: page.status, error: page.error },
		alert: document.querySelector('[role=alert]')?.textContent ?? null,
		goto,
		assign,
		invalidateAll
	});
	if (row.unmounts) expect(document.activeElement).toBe(focused);
	expect(problems).toEqual([]);

	// (b)
	expect(values(form)).toEqual(TYPED);
	expect([...form.querySelector<HTMLInputElement>('[name=attachments]')!.files!]).toEqual(files);
	expect(files[0]).toBe(PDF);
	expect(resets).toBe(0);

	// (c)
	let again = form;
	if (row.unmounts) {
		render(FaultForm, { options });
		again = document.querySelector('form')!;
		await fill(user);
	}
	again.setAttribute('action', '/save?/save');
	const received = deferred<string[][]>();
	server.use(
		http.post('/save', async ({ request }) => {
			received.resolve(await entries(request));
			return actionResponse({ type: 'failure', status: 400, data: { again: true } });
		})
	);
	const before = results.length;
	await user.click(screen.getByRole('button', { name: 'Save' }));
	expect(await received.promise).toEqual(SENT);
	await vi.waitFor(() => expect(results.length).toBe(before + 1));
	expect(page.form).toEqual({ again: true });
	expect(page.error).toBeNull();
	expect(document.querySelector('[role=alert]')).toBeNull();
	expect(values(again)).toEqual(TYPED);
}

describe('fault matrix: the result, what the user typed, and the form usable again', () => {
	for (const row of rows) test(row.name, () => run(row), 20_000);
});

test('control: a success is the one path that resets the form, so the checks above can fail', async () => {
	const user = userEvent.setup({ delay: null });
	const done = deferred();
	const options: EnhanceOptions = { submit: () => async ({ update }) => (await update(), done.resolve()) };
	render(FaultForm, { options });
	const form = document.querySelector('form')!;
	let resets = 0;
	form.addEventListener('reset', () => resets++);
	await fill(user);
	server.use(http.post('/save', () => actionResponse({ type: 'success', status: 200, data: { saved: true } })));
	await user.click(screen.getByRole('button', { name: 'Save' }));
	await done.promise;
	expect(resets).toBe(1);
	// jsdom's reset keeps selected files (browsers clear them): hence the `reset` event check.
	expect({ ...values(form), attachments: [] }).toEqual({
		title: '',
		notes: '',
		agree: false,
		news: true,
		size: 'medium',
		plan: ['free'],
		tags: ['b'],
		attachments: []
	});
	expect(page.form).toEqual({ saved: true });
});

test('the 10 MB rows really are 10 MB', () => {
	const valid = JSON.stringify({ type: 'failure', status: 422, data: devalue.stringify(bigData()) });
	expect(new TextEncoder().encode(valid).length).toBeGreaterThan(10 * MiB);
});
