/**
 * examples/cross-origin in Chromium: a page on one origin whose enhanced form posts to an API on
 * another, which `formActions`' `cors` option opens to that page's origin only. Three Node
 * processes: the API, the page on a listed origin, the same page on an unlisted one.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { buildApp, startNode } from './node-app.js';
import { freePort } from './port.js';

const example = fileURLToPath(new URL('../../examples/cross-origin', import.meta.url));

type Started = Awaited<ReturnType<typeof startNode>>;
let api: Started;
let listed: Started;
let unlisted: Started;
let browser: Browser;
/** Uncaught errors in any page: a test ends by checking there were none. */
const pageErrors: Error[] = [];

beforeAll(async () => {
	await buildApp(example);
	const apiOrigin = `http://127.0.0.1:${await freePort()}`;
	[listed, unlisted] = await Promise.all([
		startNode('page.js', example, { API_ORIGIN: apiOrigin }),
		startNode('page.js', example, { API_ORIGIN: apiOrigin })
	]);
	[api, browser] = await Promise.all([
		startNode('api.js', example, { PORT: new URL(apiOrigin).port, PAGE_ORIGINS: listed.origin }),
		chromium.launch({ executablePath, args: chromiumArgs })
	]);
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await Promise.all([api?.close(), listed?.close(), unlisted?.close()]);
});

async function open(origin: string, javaScript: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	context.setDefaultTimeout(10_000);
	// The API's cookie (cookies ignore ports: the pages, on the same host, are on the same site).
	await context.addCookies([{ name: 'member', value: 'ada', url: api.origin }]);
	const page = await context.newPage();
	page.on('pageerror', (error) => pageErrors.push(error));
	await page.goto(`${origin}/`);
	if (javaScript) await page.locator('main[data-hydrated="true"]').waitFor();
	return page;
}

/** The API's log lines for requests from `origin`. */
function apiLog(origin: string): string[] {
	return api
		.output()
		.split('\n')
		.filter((line) => line.includes(`from ${origin}:`));
}

test('two origins: the page and the API', () => {
	expect(new URL(listed.origin).port).not.toBe(new URL(api.origin).port);
	expect(new URL(unlisted.origin).port).not.toBe(new URL(listed.origin).port);
});

test('from a listed origin, enhanced: a preflight, then the failure and the success show, the cookie went along', async () => {
	const page = await open(listed.origin, true);
	// A marker on the window: a reload or a native submission would lose it.
	await page.evaluate(() => ((window as any).stayed = true));

	await page.getByRole('button', { name: 'Subscribe' }).click();
	await expect.poll(() => page.getByRole('alert').textContent()).toBe('Enter your email first.');

	await page.getByLabel('Email').fill('ada@example.com');
	await page.getByRole('button', { name: 'Subscribe' }).click();
	await expect.poll(() => page.getByRole('status').textContent()).toBe('Subscribed ada@example.com, member ada.');
	// A success resets the form, as SvelteKit's enhance does.
	expect(await page.getByLabel('Email').inputValue()).toBe('');
	expect(await page.evaluate(() => (window as any).stayed)).toBe(true);
	expect(page.url()).toBe(`${listed.origin}/`);

	// The browser asked first (x-sveltekit-action is not a safelisted header), then posted; and
	// asked again before the second post: enhance's `cache: 'no-store'` bypasses the preflight cache.
	expect(apiLog(listed.origin)).toEqual([
		`OPTIONS /newsletter from ${listed.origin}: 204`,
		`POST /newsletter from ${listed.origin}: 200`,
		`OPTIONS /newsletter from ${listed.origin}: 204`,
		`POST /newsletter from ${listed.origin}: 200`
	]);
	await page.context().close();
	expect(pageErrors).toEqual([]);
});

test('from an unlisted origin, enhanced: the browser stops at the preflight, what was typed stays; a post that needs none gets the 403', async () => {
	const page = await open(unlisted.origin, true);
	await page.getByLabel('Email').fill('eve@example.com');
	await page.getByRole('button', { name: 'Subscribe' }).click();
	// No CORS headers in the preflight's answer: fetch fails, and the error shows in the boundary.
	await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^POST \/newsletter\?\/subscribe failed: /);
	expect(await page.getByLabel('Email').inputValue()).toBe('eve@example.com');
	expect(apiLog(unlisted.origin)).toEqual([`OPTIONS /newsletter from ${unlisted.origin}: 405`]);

	// A form-encoded post without the action header is a "simple" request: no preflight, the
	// browser sends it (the page cannot read the answer). The cross-site check refuses it.
	const type = await page.evaluate(
		(action) => fetch(action, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ email: 'eve@example.com' }) }).then((r) => r.type),
		`${api.origin}/newsletter?/subscribe`
	);
	expect(type).toBe('opaque');
	await expect.poll(() => apiLog(unlisted.origin)).toEqual([`OPTIONS /newsletter from ${unlisted.origin}: 405`, `POST /newsletter from ${unlisted.origin}: 403`]);
	await page.context().close();
	expect(pageErrors).toEqual([]);
});

test('without JavaScript: the listed origin gets the API’s page, the unlisted one the cross-site refusal', async () => {
	const page = await open(listed.origin, false);
	await page.getByLabel('Email').fill('grace@example.com');
	await page.getByRole('button', { name: 'Subscribe' }).click();
	await page.getByRole('heading', { name: 'Subscribed grace@example.com.' }).waitFor();
	expect(page.url()).toBe(`${api.origin}/newsletter?/subscribe`);
	await page.context().close();

	const other = await open(unlisted.origin, false);
	await other.getByLabel('Email').fill('eve@example.com');
	const [refused] = await Promise.all([
		other.waitForResponse((response) => response.request().method() === 'POST'),
		other.getByRole('button', { name: 'Subscribe' }).click()
	]);
	expect(refused.status()).toBe(403);
	await expect.poll(() => other.locator('body').textContent()).toBe('Cross-site POST form submissions are forbidden');
	await other.context().close();
	expect(pageErrors).toEqual([]);
});
