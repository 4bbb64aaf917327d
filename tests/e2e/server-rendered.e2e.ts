/**
 * examples/server-rendered, on Node's `http` module and as a Hono app: its login form works with
 * JavaScript (enhanced, no reload) and without (server-rendered pages), and both servers answer
 * the same requests as SvelteKit's production server does with the demo's identical login page.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { serve } from './harness.js';
import { buildApp, startNode } from './node-app.js';

const example = fileURLToPath(new URL('../../examples/server-rendered', import.meta.url));

type Started = Awaited<ReturnType<typeof startNode>>;
const servers: Record<'node' | 'hono', Started> = {} as never;
let kit: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
/** Uncaught errors in any page: a test ends by checking there were none. */
const pageErrors: Error[] = [];

beforeAll(async () => {
	await buildApp(example);
	[servers.node, servers.hono, kit, browser] = await Promise.all([
		startNode('node-server.js', example),
		startNode('hono.js', example),
		serve(),
		chromium.launch({ executablePath, args: chromiumArgs })
	]);
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await Promise.all([servers.node?.close(), servers.hono?.close(), kit?.close()]);
});

async function open(origin: string, javaScript: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	context.setDefaultTimeout(10_000);
	const page = await context.newPage();
	page.on('pageerror', (error) => pageErrors.push(error));
	await page.goto(`${origin}/login`);
	if (javaScript) await page.locator('main[data-hydrated="true"]').waitFor();
	return page;
}

async function fill(page: Page, email: string, password: string) {
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
}

for (const name of ['node', 'hono'] as const) {
	describe(`on ${name === 'node' ? "Node's http module" : 'Hono'}`, () => {
		test('with JavaScript: results show without a reload, the redirect navigates', async () => {
			const page = await open(servers[name].origin, true);
			// A marker on the window: a reload or a native submission would lose it.
			await page.evaluate(() => ((window as any).stayed = true));
			await fill(page, 'demo@example.com', 'wrong');
			await page.getByRole('button', { name: 'Log in' }).click();
			await expect.poll(() => page.getByRole('alert').textContent()).toBe('Invalid credentials!');
			expect(await page.getByLabel('Email').inputValue()).toBe('demo@example.com');
			await fill(page, `${name}@example.com`, 'secret');
			await page.getByRole('button', { name: 'Register' }).click();
			await expect.poll(() => page.getByRole('status').textContent()).toBe(`Registered ${name}@example.com: now log in.`);
			// A success resets the form, as SvelteKit's enhance does.
			expect(await page.getByLabel('Password').inputValue()).toBe('');
			expect(await page.evaluate(() => (window as any).stayed)).toBe(true);
			expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/login');

			await fill(page, `${name}@example.com`, 'secret');
			await page.getByRole('button', { name: 'Log in' }).click();
			await page.getByRole('heading', { name: 'Welcome' }).waitFor();
			expect(new URL(page.url()).pathname).toBe('/');
			await page.context().close();
			expect(pageErrors).toEqual([]);
		});

		test('without JavaScript: the server renders each result, and redirects', async () => {
			const page = await open(servers[name].origin, false);
			await fill(page, 'demo@example.com', 'wrong');
			const [failed] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Log in' }).click()]);
			expect(failed.status()).toBe(400);
			await page.waitForLoadState();
			expect(await page.getByRole('alert').textContent()).toBe('Invalid credentials!');
			expect(await page.getByLabel('Email').inputValue()).toBe('demo@example.com');
			expect(new URL(page.url()).search).toBe('?/login');

			await fill(page, 'demo@example.com', 'demo');
			await page.getByRole('button', { name: 'Log in' }).click();
			await page.getByRole('heading', { name: 'Welcome' }).waitFor();
			expect(new URL(page.url()).pathname).toBe('/');
			await page.context().close();
			expect(pageErrors).toEqual([]);
		});
	});
}

describe("the same answers as SvelteKit's production server", () => {
	type Headers = Record<string, string>;
	const ENHANCED: Headers = { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' };
	const NATIVE: Headers = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'content-type': 'application/x-www-form-urlencoded' };

	/**
	 * In order: the register case changes what the later login case finds, on every server. The
	 * last column is SvelteKit's HTTP status, so that no comparison passes vacuously.
	 */
	const cases: Array<[string, string, string, Headers, string | null, number]> = [
		['no email: fail(400)', '?/login', '', ENHANCED, 'own', 200],
		['a wrong password: fail(400)', '?/login', 'email=demo%40example.com&password=x', ENHANCED, 'own', 200],
		['register without password: fail(400)', '?/register', 'email=x%40example.com', ENHANCED, 'own', 200],
		['register: data', '?/register', 'email=same%40example.com&password=pw', ENHANCED, 'own', 200],
		['log in: redirect(303)', '?/login', 'email=same%40example.com&password=pw', ENHANCED, 'own', 200],
		['an unknown action: 404', '?/nope', '', ENHANCED, 'own', 404],
		['a JSON body: 415', '?/login', '{}', { ...ENHANCED, 'content-type': 'application/json' }, 'own', 415],
		['a form from another site, enhanced: 403 JSON', '?/login', '', ENHANCED, 'https://evil.example', 403],
		['a form from another site, native: 403 text', '?/login', '', NATIVE, 'https://evil.example', 403],
		['a form without Origin: 403', '?/login', '', ENHANCED, null, 403],
		['without JavaScript, log in: a real 303', '?/login', 'email=demo%40example.com&password=demo', NATIVE, 'own', 303]
	];

	async function answer(origin: string, search: string, body: string, headers: Headers, from: string | null) {
		const sent = { ...headers };
		if (from) sent.origin = from === 'own' ? origin : from;
		const response = await fetch(`${origin}/login${search}`, { method: 'POST', headers: sent, body, redirect: 'manual' });
		const seen: Record<string, string | number | null> = { status: response.status, body: await response.text() };
		for (const header of ['content-type', 'content-length', 'location']) seen[header] = response.headers.get(header);
		return seen;
	}

	for (const [name, search, body, headers, from, status] of cases) {
		test(name, async () => {
			const expected = await answer(kit.origin, search, body, headers, from);
			expect(expected.status).toBe(status);
			expect(await answer(servers.node.origin, search, body, headers, from)).toEqual(expected);
			expect(await answer(servers.hono.origin, search, body, headers, from)).toEqual(expected);
		});
	}
});
