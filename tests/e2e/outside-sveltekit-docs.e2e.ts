/**
 * docs/outside-sveltekit.md, run as written: its client and server code blocks, each under the
 * file name the page gives it, make an app in an empty directory; built as the page says and
 * started on Node, its form works with JavaScript and without, and the Hono version answers too.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { buildApp, startNode } from './node-app.js';

const page = readFileSync(new URL('../../docs/outside-sveltekit.md', import.meta.url), 'utf8');
/** "`src/server.ts`, …:" then a code block: that block is the file. */
const files = [...page.matchAll(/^`([\w./-]+)`[^\n]*:\n\n```\w+\n([\s\S]*?)\n```/gm)].map(([, name, code]) => ({ name, code }));

const dir = mkdtempSync(join(tmpdir(), 'outside-sveltekit-'));
let node: Awaited<ReturnType<typeof startNode>>;
let hono: Awaited<ReturnType<typeof startNode>>;
let glue: Awaited<ReturnType<typeof startNode>>;

/**
 * The documented `listen.js` serving a handler that misbehaves in every way a handler can, by
 * path: whatever one request does, the process must answer the next.
 */
const glueCheck = `import { listen } from './listen.js';

const broken = () => new ReadableStream({ pull(controller) { controller.error(new Error('secret: the body broke')); } });
const handlers = {
	'/throw': () => { throw new Error('secret: thrown'); },
	'/reject': async () => { throw new Error('secret: rejected'); },
	'/throw-null': () => { throw null; },
	'/not-a-response': () => ({ status: 200 }),
	'/broken-body': () => new Response(broken()),
	'/ok': () => new Response('ok')
};
// The errors are logged: keep the output to the line startNode waits for.
console.error = () => {};
const server = await listen((request) => handlers[new URL(request.url).pathname](request), Number(process.env.PORT ?? 3000));
console.log(\`Listening on http://127.0.0.1:\${server.address().port}\`);
`;
let browser: Browser;

beforeAll(async () => {
	for (const { name, code } of files) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), code + '\n');
	}
	// What `npm install` would give the app: this repository's packages (the library itself is
	// aliased to src/lib by buildApp).
	symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), join(dir, 'node_modules'), 'dir');
	writeFileSync(join(dir, 'glue-check.js'), glueCheck);
	await buildApp(dir);
	[node, hono, glue, browser] = await Promise.all([
		startNode('node-server.js', dir),
		startNode('hono.js', dir),
		startNode('glue-check.js', dir),
		chromium.launch({ executablePath, args: chromiumArgs })
	]);
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await Promise.all([node?.close(), hono?.close(), glue?.close()]);
	rmSync(dir, { recursive: true, force: true });
});

test('the page gives every file of the app', () => {
	expect(files.map(({ name }) => name)).toEqual([
		'package.json',
		'src/App.svelte',
		'src/client.ts',
		'src/server.ts',
		'vite.config.ts',
		'listen.js',
		'node-server.js',
		'hono.js'
	]);
});

test('the code shown is the example\'s, which tests/e2e/server-rendered.e2e.ts drives further', () => {
	const example = new URL('../../examples/server-rendered/', import.meta.url);
	// package.json and vite.config.ts differ: the example lives in this repository.
	for (const { name, code } of files.filter(({ name }) => !['package.json', 'vite.config.ts'].includes(name))) {
		expect(code + '\n', name).toBe(readFileSync(new URL(name, example), 'utf8'));
	}
});

for (const javaScript of [true, false]) {
	test(`the form works ${javaScript ? 'enhanced' : 'without JavaScript'}`, async () => {
		const context = await browser.newContext({ javaScriptEnabled: javaScript });
		context.setDefaultTimeout(10_000);
		const tab = await context.newPage();
		const errors: Error[] = [];
		tab.on('pageerror', (error) => errors.push(error));
		await tab.goto(`${node.origin}/login`);
		if (javaScript) await tab.locator('main[data-hydrated="true"]').waitFor();
		// A marker on the window: a reload or a native submission would lose it.
		if (javaScript) await tab.evaluate(() => ((window as any).stayed = true));
		await tab.getByLabel('Email').fill('demo@example.com');
		await tab.getByLabel('Password').fill('wrong');
		await tab.getByRole('button', { name: 'Log in' }).click();
		await expect.poll(() => tab.getByRole('alert').textContent()).toBe('Invalid credentials!');
		expect(await tab.getByLabel('Email').inputValue()).toBe('demo@example.com');
		// Enhanced: the same document, at the same URL. Native: a new page, at the action's URL.
		expect(new URL(tab.url()).search).toBe(javaScript ? '' : '?/login');
		if (javaScript) expect(await tab.evaluate(() => (window as any).stayed)).toBe(true);

		await tab.getByLabel('Password').fill('demo');
		await tab.getByRole('button', { name: 'Log in' }).click();
		await tab.getByRole('heading', { name: 'Welcome' }).waitFor();
		await context.close();
		expect(errors).toEqual([]);
	});
}

test('the Hono version answers as the Node one does', async () => {
	const post = (origin: string) =>
		fetch(`${origin}/login?/login`, {
			method: 'POST',
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: new URLSearchParams({ email: 'demo@example.com', password: 'wrong' })
		}).then((response) => response.text());
	const answer = await post(node.origin);
	expect(answer).toBe('{"type":"failure","status":400,"data":"[{\\"email\\":1,\\"incorrect\\":2},\\"demo@example.com\\",true]"}');
	expect(await post(hono.origin)).toBe(answer);
});

test("the documented listen.js answers 500 whatever the handler does, and the server answers the next request", async () => {
	for (const path of ['/throw', '/reject', '/throw-null', '/not-a-response', '/broken-body']) {
		const response = await fetch(`${glue.origin}${path}`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect([response.status, await response.text()], path).toEqual([500, 'Internal Error']);
		expect(await (await fetch(`${glue.origin}/ok`)).text(), `after ${path}`).toBe('ok');
	}
});

test('the documented server keeps answering after a client breaks off its body', async () => {
	// A declared length the body never reaches: the request stream errors when the client goes.
	const { request } = await import('node:http');
	const { hostname, port } = new URL(node.origin);
	await new Promise<void>((resolve) => {
		const req = request({ hostname, port, method: 'POST', path: '/login?/login', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '1000', origin: node.origin } });
		req.on('error', () => resolve());
		req.on('close', () => resolve());
		req.write('email=a', () => req.destroy());
	});
	const response = await fetch(`${node.origin}/login`);
	expect(response.status).toBe(200);
});
