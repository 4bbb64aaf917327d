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
 * same page (heading, messages, fields, focus, text), with JavaScript on and off.
 */
const app = useDemo(fileURLToPath(new URL('../../fixtures/kit2', import.meta.url)));

/** What the user does on a case's page; `done` is what shows once the last answer is applied. */
interface Case {
	name: string;
	path: string;
	steps: Array<{ fill?: Record<string, string>; click: string; done: string }>;
}

const cases: Case[] = [
	{
		name: "an action's error() renders the route's own +error.svelte",
		path: 'error',
		steps: [{ fill: { Note: 'typed' }, click: 'Send', done: 'Route error page: 503' }]
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
		name: 'a Svelte 4-syntax page reads `export let form`',
		path: 'legacy',
		steps: [
			{ click: 'Greet', done: 'Name missing' },
			{ fill: { Name: 'Ada' }, click: 'Greet', done: 'Hello Ada' }
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
		await page.getByRole('button', { name: step.click }).click();
		await page.getByText(step.done).first().waitFor();
	}
	const seen = await snapshot(page, app.origin);
	const requests = app.requests.slice(from).filter((request) => !request.url.includes('/_app/'));
	return { seen: { ...seen, path: seen.path.replace(`/${side}/`, '/~/') }, statuses, requests: requests.map(comparable), page };
}

/** A request with the twin's path prefix taken off. URL-encoded bodies only: compared as text. */
function comparable({ method, url, headers, body }: RecordedRequest) {
	const neutral = (text = '') => text.replace(/\/(ours|kit)\//, '/~/');
	return { method, url: neutral(url), headers: { ...headers, referer: neutral(headers.referer) }, body: body.toString('latin1') };
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
		for (const item of cases) {
			test(item.name, async () => {
				const ours = await play('ours', item, javaScript);
				const kit = await play('kit', item, javaScript);
				expect(ours.statuses.length).toBe(item.steps.length);
				expect(ours.statuses).toEqual(kit.statuses);
				expect(ours.requests.filter((request) => request.method === 'POST')).toHaveLength(item.steps.length);
				expect(ours.requests).toEqual(kit.requests);
				expect(ours.seen).toEqual(kit.seen);
			});
		}
	});
}

describe('where the wording differs on purpose, the structure is the same', () => {
	test("a network failure renders the root +error.svelte with a 500; the message says what failed", async () => {
		const seen: Array<Snapshot & { page: Page }> = [];
		for (const side of ['ours', 'kit'] as const) {
			const page = await app.open(`/${side}/state`);
			await page.route('**/state', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
			await page.getByRole('button', { name: 'Greet' }).click();
			await page.getByRole('heading', { name: '500' }).waitFor();
			seen.push({ ...(await snapshot(page, app.origin)), page });
		}
		const [ours, kit] = seen;
		const structure = ({ path, heading, messages, focus }: (typeof seen)[number]) => ({
			path: path.replace(/\/(ours|kit)\//, '/~/'),
			heading,
			messages: messages.length,
			focus
		});
		expect(structure(ours)).toEqual(structure(kit));
		// SvelteKit shows the browser's own words; the library also names the request that failed.
		expect(kit.messages).toEqual(['Failed to fetch']);
		expect(ours.messages).toEqual(['POST /ours/state failed: Failed to fetch']);
	});
});
