import * as devalue from 'devalue';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { snapshot, useDemo, type RecordedRequest, type Snapshot } from './harness.js';

/**
 * fixtures/kit2: an `sv create`-shaped SvelteKit 2 app with the library installed from its
 * packed tarball and `configure(sveltekit)` in its root layout. Each case has two twins with the
 * same markup and server code: /ours/… imports `enhance` (or `deserialize`) from the library,
 * /kit/… from `$app/forms`. Both must send the same requests and leave the user looking at the
 * same page (heading, messages, fields, focus, text), with JavaScript on and off. The fixture's
 * component tests (`renderPage`, browser mode and jsdom, run by `npm run test:fixtures`) play the
 * error, boundary and state cases on the same twins and must see what this file sees.
 */
const app = useDemo(fileURLToPath(new URL('../../fixtures/kit2', import.meta.url)));

/** What the user does on a case's page; `done` is what shows once the last answer is applied. */
interface Case {
	name: string;
	path: string;
	steps: Array<{ fill?: Record<string, string>; files?: Record<string, { name: string; mimeType: string; buffer: Buffer }>; click: string; done: string }>;
	/** What the user must see at the end, on both twins (beyond their being the same). */
	shows?: Partial<Snapshot>;
}

const cases: Case[] = [
	{
		name: "an action's error() renders the route's own +error.svelte",
		path: 'error',
		steps: [{ fill: { Note: 'typed' }, click: 'Send', done: 'Route error page: 503' }]
	},
	{
		name: "an action's error() two directories deep renders the nearest +error.svelte above, inside the layouts above it only",
		path: 'nest/inner',
		steps: [{ fill: { Note: 'typed' }, click: 'Send', done: 'Nest error page: 418' }],
		// nest/+error.svelte inside the root and nest layouts (<main> is the root's); inner's layout and
		// page are gone, focus is back on the body.
		shows: {
			path: '/~/nest/inner',
			heading: 'Nest error page: 418',
			messages: ['The inner action is a teapot'],
			fields: {},
			focus: 'body',
			text: 'Nest layout\n\nNest error page: 418\n\nThe inner action is a teapot'
		}
	},
	{
		name: 'a thrown exception renders the root +error.svelte with a 500',
		path: 'throw',
		steps: [{ fill: { Note: 'typed' }, click: 'Send', done: 'Internal Error' }]
	},
	{
		name: "the form prop, $app/state's page and $app/stores' $page follow a failure, then a success",
		path: 'state',
		steps: [
			{ click: 'Greet', done: 'state: 422 {"missing":true}' },
			{ fill: { Name: 'Ada' }, click: 'Greet', done: 'stores: 200 {"greeted":"Ada"}' }
		]
	},
	{
		name: "a redirect goes through SvelteKit's goto to the target page",
		path: 'redirect',
		steps: [{ click: 'Go', done: 'Arrived' }]
	},
	{
		name: 'a Svelte 4-syntax page reads `export let form` and `$page` of $app/stores',
		path: 'legacy',
		steps: [
			{ click: 'Greet', done: '$page: 422 {"missing":true}' },
			{ fill: { Name: 'Ada' }, click: 'Greet', done: '$page: 200 {"greeted":"Ada"}' }
		]
	},
	{
		name: "a form in a +layout.svelte posting to another page's action, its callback calling applyAction by hand: page.form in the layout and the page's form prop follow a failure, then a success",
		path: 'shell/inner',
		steps: [
			{ click: 'Subscribe', done: 'Email missing' },
			{ fill: { Email: 'ada@example.com' }, click: 'Subscribe', done: 'Subscribed ada@example.com' }
		]
	},
	{
		name: 'fetch, deserialize and applyAction by hand (no use:enhance): the transport type arrives, the form prop shows it',
		path: 'byhand',
		steps: [{ click: 'Price it', done: '19.99 EUR' }]
	},
	{
		name: 'update({ reset: false, invalidateAll: false }) keeps what was typed and reloads nothing; then the default resets and reloads',
		path: 'keep',
		steps: [
			{ fill: { Kept: 'Ada' }, click: 'Keep', done: 'Hello Ada' },
			{ fill: { Name: 'Bo' }, click: 'Greet', done: 'Hello Bo' }
		]
	},
	{
		name: "a multipart form with a file: the same bytes (the boundary aside), the submitter's value included",
		path: 'upload',
		steps: [
			{
				fill: { Note: 'hi' },
				files: { File: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('café\n') } },
				click: 'Upload',
				done: 'Got notes.txt'
			}
		]
	},
	{
		name: "a success holding a type of the app's transport hook arrives decoded",
		path: 'transport',
		steps: [{ click: 'Price it', done: '19.99 EUR' }]
	}
];

/** The requests of one play, as the server got them: the POSTs and the data reloads. */
async function play(side: 'ours' | 'kit', { path, steps }: Case, javaScript: boolean) {
	const page = await app.open(`/${side}/${path}`, { javaScript });
	const from = app.requests.length;
	const statuses: number[] = [];
	page.on('response', (response) => {
		if (response.request().method() === 'POST') statuses.push(response.status());
	});
	for (const step of steps) {
		for (const [label, value] of Object.entries(step.fill ?? {})) await page.getByLabel(label).fill(value);
		for (const [label, file] of Object.entries(step.files ?? {})) await page.getByLabel(label).setInputFiles(file);
		await page.getByRole('button', { name: step.click }).click();
		await page.getByText(step.done).first().waitFor();
	}
	const seen = await snapshot(page, app.origin);
	// Both twins play at once on one server: each keeps the requests for its own pages (a request
	// that went elsewhere shows as a different path in `seen`).
	const requests = app.requests.slice(from).filter((request) => /^\/[^/]+/.exec(new URL(request.url).pathname)?.[0] === `/${side}`);
	return { seen: { ...seen, path: seen.path.replace(`/${side}/`, '/~/') }, statuses, requests: requests.map(comparable), page };
}

/**
 * A request with the twin's path prefix taken off, its body as text (byte for byte, latin1), and
 * a multipart body's boundary (random for each request) named the same.
 */
function comparable({ method, url, headers, body }: RecordedRequest) {
	const neutral = (text = '') => text.replace(/\/(ours|kit)\//, '/~/');
	const boundary = /boundary=(\S+)/.exec(headers['content-type'] ?? '')?.[1];
	const unbound = (text: string) => (boundary ? text.replaceAll(boundary, 'BOUNDARY') : text);
	const type = headers['content-type'];
	return {
		method,
		url: neutral(url),
		headers: { ...headers, referer: neutral(headers.referer), ...(type && { 'content-type': unbound(type) }) },
		body: unbound(body.toString('latin1'))
	};
}

// First in this file, so that it runs on a server no page has been rendered by: the +server.js
// decodes before any layout called configure(sveltekit) (src/hooks.server.ts has).
test('deserialize in a +server.js decodes the transport type, before any page ran', async () => {
	class Money {
		constructor(
			readonly cents: number,
			readonly currency: string
		) {}
	}
	const data = devalue.stringify({ price: new Money(1999, 'EUR') }, { Money: (v) => v instanceof Money && [v.cents, v.currency] });
	const body = JSON.stringify({ type: 'success', status: 200, data });
	const answers = [];
	for (const side of ['ours', 'kit']) {
		const response = await fetch(`${app.origin}/${side}/decode`, { method: 'POST', body, headers: { 'content-type': 'text/plain', origin: app.origin } });
		answers.push({ status: response.status, body: await response.json() });
	}
	expect(answers[0]).toEqual({ status: 200, body: { type: 'success', money: true, text: '19.99 EUR' } });
	expect(answers[0]).toEqual(answers[1]);
});

for (const javaScript of [true, false]) {
	describe(`same as SvelteKit's own enhance, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		// Without JavaScript neither enhance runs: both twins are SvelteKit's server-rendered page
		// and the browser's own POST. Two cases (an error page, a multipart upload) prove that a page
		// importing ours renders and posts as SvelteKit's does; the others would test SvelteKit
		// against itself (about 25 s).
		for (const item of javaScript ? cases : cases.filter(({ path }) => path === 'error' || path === 'upload')) {
			test(item.name, async () => {
				const [ours, kit] = await Promise.all([play('ours', item, javaScript), play('kit', item, javaScript)]);
				expect(ours.statuses.length).toBe(item.steps.length);
				expect(ours.statuses).toEqual(kit.statuses);
				expect(ours.requests.filter((request) => request.method === 'POST')).toHaveLength(item.steps.length);
				expect(ours.requests).toEqual(kit.requests);
				expect(ours.seen).toEqual(kit.seen);
				if (item.shows) expect(ours.seen).toMatchObject(item.shows);
			});
		}
	});
}

test('inside an <ErrorBoundary>, an error shows beside the form, which keeps what was typed', async () => {
	const page = await app.open('/ours/boundary');
	await page.getByLabel('Note').fill('typed');
	await page.getByRole('button', { name: 'Send' }).click();
	await page.getByRole('alert').waitFor();
	const seen = await snapshot(page, app.origin);
	// Not replaced by +error.svelte: the page, what was typed, and the error in the boundary, focused.
	expect(seen).toMatchObject({ path: '/ours/boundary', heading: 'Send a note', fields: { note: 'typed' } });
	expect(seen.messages).toHaveLength(1);
	expect(seen.messages[0]).toContain('Down for maintenance');
	expect(seen.focus).toMatch(/^div "Down for maintenance/);
});

test("$app/forms' enhance inside an <ErrorBoundary> never reports to it: the root +error.svelte replaces the page", async () => {
	const page = await app.open('/kit/boundary');
	await page.getByLabel('Note').fill('typed');
	await page.getByRole('button', { name: 'Send' }).click();
	await page.getByRole('heading', { name: '503' }).waitFor();
	const seen = await snapshot(page, app.origin);
	expect(seen).toMatchObject({ path: '/kit/boundary', heading: '503', messages: ['Down for maintenance'], fields: {} });
});

describe('where the wording differs on purpose, the structure is the same', () => {
	/** What must match when the words differ: where the user is, the heading, how many messages, focus. */
	const structure = ({ path, heading, messages, focus }: Snapshot) => ({
		path: path.replace(/\/(ours|kit)\//, '/~/'),
		heading,
		messages: messages.length,
		focus
	});

	/** Submits the form of `/side/path`, with `before` run first, and waits for the root error page. */
	async function failing(side: 'ours' | 'kit', path: string, before?: (page: Page) => Promise<unknown>) {
		const page = await app.open(`/${side}/${path}`);
		await before?.(page);
		await page.getByRole('button').click();
		await page.getByRole('heading', { name: '500' }).waitFor();
		return snapshot(page, app.origin);
	}

	test('a network failure renders the root +error.svelte with a 500; the message names the request', async () => {
		const abort = (page: Page) =>
			page.route('**/state', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
		const ours = await failing('ours', 'state', abort);
		const kit = await failing('kit', 'state', abort);
		expect(structure(ours)).toEqual(structure(kit));
		// SvelteKit shows the browser's own words; the library also names the request that failed.
		expect(kit.messages).toEqual(['Failed to fetch']);
		expect(ours.messages).toEqual(['POST /ours/state failed: Failed to fetch']);
	});

	test('an answer that is not an action result renders the root +error.svelte with a 500; the message says what arrived', async () => {
		const ours = await failing('ours', 'html');
		const kit = await failing('kit', 'html');
		expect(structure(ours)).toEqual(structure(kit));
		// SvelteKit shows JSON.parse's SyntaxError; the library says which request got what.
		expect(kit.messages[0]).toMatch(/JSON/);
		expect(ours.messages[0]).toMatch(/^POST \/ours\/plain answered HTTP 200: Not an action result: the body is not JSON/);
	});
});
