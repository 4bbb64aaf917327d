import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { snapshot, useDemo, type RecordedRequest, type Snapshot } from './harness.js';

/**
 * fixtures/kit3 is a SvelteKit 3.4 app (built by tests/e2e/setup/versions.ts and run by the
 * repository's Node 22, scripts/node22). Every page under /ours uses svelte-form-actions; its twin
 * under /kit has the same markup with SvelteKit 3's own `use:enhance`. Played the same way,
 * both must send the same requests (the actions and the data refreshes), and leave the user on
 * the same page seeing the same thing, with JavaScript on and off.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { fixtureDir, fixtureNode } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);
const demo = useDemo(fixtureDir('kit3'), fixtureNode('kit3'));

interface Scenario {
	name: string;
	/** The page the user starts on, under the twin's prefix. */
	path: string;
	act(page: Page, submit: (trigger: () => Promise<unknown>) => Promise<void>): Promise<void>;
	/** Text the user sees once everything has happened (the last thing to change). */
	until: string;
	/** The same without JavaScript, when it differs. */
	nativeUntil?: string;
	/** Enhanced, where the user ends up; natively it may differ (the `?/action` stays). */
	path_after: string;
	/**
	 * Another page's error: SvelteKit 3 renders that page's error page without loading the
	 * page's data, where `goto` (the public way there) loads it first. Only the POSTs are compared.
	 */
	loadsFirst?: true;
}

const fill = (page: Page, label: string, text: string) => page.getByLabel(label).fill(text);
const press = (page: Page, name: string) => () => page.getByRole('button', { name, exact: true }).click();

const scenarios: Scenario[] = [
	{
		name: 'a success resets the form, refreshes the data, then shows the result',
		path: '/todos',
		act: async (page, submit) => {
			await fill(page, 'Title', 'Milk');
			await submit(press(page, 'Add'));
		},
		until: 'Added “Milk”.',
		path_after: '/todos'
	},
	{
		name: 'a failure (fail() status in HTTP) keeps what was typed and refreshes nothing',
		path: '/todos',
		act: async (page, submit) => {
			await fill(page, 'Title', '  ');
			await submit(press(page, 'Add'));
		},
		until: 'The title is required.',
		path_after: '/todos'
	},
	{
		name: 'a success without data (204) resets and refreshes',
		path: '/todos',
		act: async (page, submit) => {
			await fill(page, 'Title', 'not sent anywhere');
			await submit(press(page, 'Clear'));
		},
		until: '0 todos: none. Loaded 1 times',
		path_after: '/todos'
	},
	{
		name: 'update({ refreshAll: true, invalidateAll: false }) refreshes after a failure: refreshAll wins',
		path: '/todos',
		act: async (page, submit) => {
			await submit(press(page, 'Add note'));
		},
		until: 'The note is required.',
		path_after: '/todos'
	},
	{
		name: 'on the page with a query (/todos?sort=asc), action="?/add" lands on /todos: navigates there, as a native POST does',
		path: '/todos?sort=asc',
		act: async (page, submit) => {
			await fill(page, 'Title', 'Bread');
			await submit(press(page, 'Add'));
		},
		until: 'Added “Bread”.',
		path_after: '/todos'
	},
	{
		name: 'a redirect navigates to its target',
		path: '/todos',
		act: (page, submit) => submit(press(page, 'Finish')),
		until: 'The list is finished.',
		path_after: '/done'
	},
	{
		name: 'an error of the action shows its message',
		path: '/todos',
		act: (page, submit) => submit(press(page, 'Break')),
		until: 'Error 503: Database down',
		path_after: '/todos'
	},
	{
		name: "another page's success: navigates there and shows it, as a native POST lands there",
		path: '',
		act: async (page, submit) => {
			await fill(page, 'Title', 'Tea');
			await submit(press(page, 'Add'));
		},
		until: 'Added “Tea”.',
		path_after: '/todos'
	},
	{
		name: "another page's failure: navigates there too, without refreshing",
		path: '',
		act: (page, submit) => submit(press(page, 'Add')),
		until: 'The title is required.',
		path_after: '/todos'
	},
	{
		name: "another page's error: shown on that page",
		path: '',
		act: (page, submit) => submit(press(page, 'Break')),
		until: 'Error 503: Database down',
		path_after: '/todos',
		loadsFirst: true
	},
	{
		name: "update({ navigate: false }): another page's result is shown here",
		path: '/stay',
		act: async (page, submit) => {
			await fill(page, 'Title', 'Jam');
			await submit(press(page, 'Add'));
		},
		until: 'Added “Jam” from here.',
		nativeUntil: 'Added “Jam”.',
		path_after: '/stay'
	}
];

type Twin = 'ours' | 'kit';

/** Plays `scenario` on `twin`'s page, and returns what the user saw and the server received. */
async function play(scenario: Scenario, twin: Twin, javaScript: boolean) {
	const page = await demo.open(`/${twin}${scenario.path}`, { javaScript });
	const first = demo.requests.length;
	if (javaScript) await page.evaluate(() => ((window as any).__sameWindow = true));
	await scenario.act(page, async (trigger) => {
		const answered = javaScript
			? page.waitForResponse((response) => response.request().method() === 'POST')
			: page.waitForEvent('load');
		await trigger();
		await answered;
	});
	await page
		.getByText((!javaScript && scenario.nativeUntil) || scenario.until)
		.first()
		.waitFor();
	if (javaScript) {
		await expect.poll(() => new URL(page.url()).pathname).toBe(`/${twin}${scenario.path_after}`);
		expect(await page.evaluate(() => (window as any).__sameWindow), 'no full page load').toBe(true);
	}
	const seen = untwin(await snapshot(page, demo.origin), twin);
	// The actions and the data reloads: the POSTs and SvelteKit's `__data.json` requests.
	// Both twins play at once on one server: each keeps the requests for its own pages (a request
	// that went elsewhere shows as a different path in `seen`).
	const requests = demo.requests
		.slice(first)
		.filter((request) => /^\/[^/]+/.exec(new URL(request.url).pathname)?.[0] === `/${twin}`)
		.filter((request) => request.method === 'POST' || new URL(request.url).pathname.endsWith('/__data.json'))
		.map((request) => comparable(request, twin));
	return { seen, requests };
}

/** The snapshot with the twin's prefix taken off its path. */
function untwin(seen: Snapshot, twin: Twin): Snapshot {
	return { ...seen, path: strip(seen.path, twin) };
}

function strip(url: string, twin: Twin): string {
	return url.replace(new RegExp(`(^|//[^/]+)/${twin}(?=[/?#]|$)`, 'g'), '$1');
}

/** A request as the server got it, the twin's prefix taken off (URL-encoded bodies only here). */
function comparable({ method, url, headers, body }: RecordedRequest, twin: Twin) {
	return {
		method,
		url: strip(url, twin),
		headers: { ...headers, referer: strip(headers.referer ?? '', twin) },
		body: strip(decodeURIComponent(body.toString('latin1')), twin)
	};
}

describe.each([
	['JavaScript on', true],
	['JavaScript off', false]
])("SvelteKit 3: ours and SvelteKit's enhance, %s", (_, javaScript) => {
	// Without JavaScript neither enhance runs: both twins are SvelteKit's server-rendered page and
	// the browser's own POST. One scenario proves that a page importing ours renders and posts as
	// SvelteKit's does; the others would test SvelteKit against itself (about 30 s).
	for (const scenario of javaScript ? scenarios : scenarios.slice(0, 1)) {
		test(scenario.name, async () => {
			const [ours, kit] = await Promise.all([play(scenario, 'ours', javaScript), play(scenario, 'kit', javaScript)]);

			const posts = (requests: typeof ours.requests) => requests.filter((request) => request.method === 'POST');
			expect(posts(ours.requests)).toHaveLength(1);
			if (scenario.loadsFirst && javaScript) expect(posts(ours.requests)).toEqual(posts(kit.requests));
			else expect(ours.requests).toEqual(kit.requests);
			expect(ours.seen).toEqual(kit.seen);
		});
	}
});

describe('errors that are no action result: the error page and its status are the same, the words differ on purpose', () => {
	/** The root error page's "Error <status>: <message>", split. */
	const shown = (seen: Snapshot) => /^Error (\d+): (.*)$/s.exec(seen.messages[0] ?? '')?.slice(1) ?? [];
	/** What must match when the words differ: where the user is, heading, status, focus, how many messages. */
	const structure = ({ messages, text, message, ...rest }: Awaited<ReturnType<typeof failing>>) => ({ ...rest, messages: messages.length });

	/** Submits the quick-add form of `twin` with the POST answered by `answer`, and waits for the error page. */
	async function failing(twin: Twin, answer: (route: import('playwright-core').Route) => Promise<void>) {
		const page = await demo.open(`/${twin}/todos`);
		await page.route('**/todos?/add', (route) => (route.request().method() === 'POST' ? answer(route) : route.continue()));
		await fill(page, 'Title', 'typed');
		await press(page, 'Add')();
		await page.getByRole('heading', { name: 'Something went wrong' }).waitFor();
		const seen = untwin(await snapshot(page, demo.origin), twin);
		return { ...seen, status: shown(seen)[0], message: shown(seen)[1] };
	}

	test('a network failure: the root +error.svelte with a 500; the message names the request', async () => {
		const abort = (route: import('playwright-core').Route) => route.abort('internetdisconnected');
		const ours = await failing('ours', abort);
		const kit = await failing('kit', abort);
		expect(structure(ours)).toEqual(structure(kit));
		expect(kit.status).toBe('500');
		// SvelteKit 3 shows its client handleError's generic words; the library says what failed.
		expect(kit.message).toBe('Internal Error');
		expect(ours.message).toBe('POST /ours/todos?/add failed: Failed to fetch');
	});

	test("a proxy's 502 page: the root +error.svelte with that status; the message says what arrived", async () => {
		const proxy = (route: import('playwright-core').Route) =>
			route.fulfill({ status: 502, contentType: 'text/html', body: '<!doctype html><h1>Bad Gateway</h1>' });
		const ours = await failing('ours', proxy);
		const kit = await failing('kit', proxy);
		expect(structure(ours)).toEqual(structure(kit));
		expect(kit.status).toBe('502');
		expect(kit.message).toBe('Bad Gateway');
		expect(ours.message).toMatch(/^POST \/ours\/todos\?\/add answered HTTP 502: Not an action result: the body is not JSON/);
	});

	test("a handle hook's error(401) before any action ran: that status, and the server's words in the message", async () => {
		// What SvelteKit 3's server answers a POST that `handle` refused with `error(401, 'Log in first')`.
		const refused = (route: import('playwright-core').Route) =>
			route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ status: 401, message: 'Log in first' }) });
		const ours = await failing('ours', refused);
		const kit = await failing('kit', refused);
		expect(structure(ours)).toEqual(structure(kit));
		expect(kit.status).toBe('401');
		expect(kit.message).toBe('Log in first');
		expect(ours.message).toBe('POST /ours/todos?/add answered HTTP 401: Log in first');
	});
});
