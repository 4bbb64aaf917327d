/**
 * docs/outside-sveltekit.md, followed as a new user would: an app made by create-vite's svelte-ts
 * template (`fixtures/outside-vite`: its package.json, lockfile and tsconfigs) gets the page's
 * code blocks, each under the file name the page gives it, and the library from the packed
 * tarball. The template's `npm run check` passes, the page's build runs, and the app works in
 * Chromium with JavaScript and without, through success, failure, redirect, `error(503)` and a
 * thrown exception, with the error boundary's styles served; the Hono version answers too.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { startNode } from './node-app.js';

const page = readFileSync(new URL('../../docs/outside-sveltekit.md', import.meta.url), 'utf8');
/** "`src/server.ts`, …:" then a code block: that block is the file. */
const files = [...page.matchAll(/^`([\w./-]+)`[^\n]*:\n\n```\w+\n([\s\S]*?)\n```/gm)].map(([, name, code]) => ({ name, code }));

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'outside-sveltekit-'));
let fixture: string;
/** What the template's `npm run check` said (it must pass: the test below says so). */
let check: { ok: boolean; output: string };
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

/**
 * A page that forgot the boundary, built for production from the same installed library: its
 * errors must reach `window`'s error listeners all the same.
 */
const unshownCheck = {
	'unshown.js': "import { enhance } from 'svelte-form-actions';\n\nenhance(document.querySelector('form'));\n",
	'unshown.config.js': `import { svelte } from '@sveltejs/vite-plugin-svelte';

export default {
	plugins: [svelte()],
	logLevel: 'warn',
	build: { outDir: 'dist/unshown', rollupOptions: { input: 'unshown.js', output: { entryFileNames: '[name].js' } } }
};
`
};
let browser: Browser;

// The user's shell, without vitest's variables: Svelte's Vite plugin behaves differently under
// vitest, and vitest's NODE_ENV=test would make `vite build` a development build.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));

/** `npm run <script>` in the app, as the user runs it. */
function npm(script: string) {
	return run('npm', ['run', script], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 24 });
}

beforeAll(async () => {
	// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
	const { prepareFixture } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);
	fixture = prepareFixture('outside-vite');
	// The template's files (not its installed packages: those are shared), then the page's.
	cpSync(fixture, dir, { recursive: true, filter: (source) => !/[/\\](node_modules|dist)$/.test(source) });
	symlinkSync(join(fixture, 'node_modules'), join(dir, 'node_modules'), 'dir');
	for (const { name, code } of files) {
		const file = join(dir, name);
		mkdirSync(dirname(file), { recursive: true });
		// package.json: what the page says to add, added to the template's.
		if (name !== 'package.json') writeFileSync(file, code + '\n');
		else writeFileSync(file, JSON.stringify(withAdded(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(code)), null, '\t'));
	}
	writeFileSync(join(dir, 'glue-check.js'), glueCheck);
	for (const [name, code] of Object.entries(unshownCheck)) writeFileSync(join(dir, name), code);
	// Two cores: the type check beside the builds.
	const checked = npm('check').then(
		({ stdout }) => ({ ok: true, output: stdout }),
		(error) => ({ ok: false, output: `${error.stdout}\n${error.stderr}` })
	);
	await npm('build');
	await run('npx', ['vite', 'build', '--config', 'unshown.config.js'], { cwd: dir, env });
	[check, node, hono, glue, browser] = await Promise.all([
		checked,
		startNode('node-server.js', dir),
		startNode('hono.js', dir),
		startNode('glue-check.js', dir),
		chromium.launch({ executablePath, args: chromiumArgs })
	]);
}, 300_000);
afterAll(async () => {
	await browser?.close();
	await Promise.all([node?.close(), hono?.close(), glue?.close()]);
	rmSync(dir, { recursive: true, force: true });
});

/** `base` with `added`'s keys merged in, one level deep (scripts, dependencies). */
function withAdded(base: Record<string, any>, added: Record<string, any>) {
	const merged = { ...base };
	for (const [key, value] of Object.entries(added)) merged[key] = typeof value === 'object' ? { ...base[key], ...value } : value;
	return merged;
}

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

test("the packages the page adds are the fixture's (its lockfile installs them), the library aside", () => {
	const added = JSON.parse(files.find(({ name }) => name === 'package.json')!.code);
	const template = JSON.parse(readFileSync(join(fixture, 'package.json'), 'utf8'));
	expect(template.scripts).toMatchObject(added.scripts);
	const { 'svelte-form-actions': range, ...others } = added.dependencies;
	expect(template.dependencies).toEqual(others);
	// The version the page names is the one packed.
	const { version } = JSON.parse(readFileSync(join(fixture, 'node_modules/svelte-form-actions/package.json'), 'utf8'));
	expect(range).toBe(`^${version}`);
});

test('the code shown is the example\'s, which tests/e2e/server-rendered.e2e.ts drives further', () => {
	const example = new URL('../../examples/server-rendered/', import.meta.url);
	// package.json and vite.config.ts differ: the example lives in this repository.
	for (const { name, code } of files.filter(({ name }) => !['package.json', 'vite.config.ts'].includes(name))) {
		expect(code + '\n', name).toBe(readFileSync(new URL(name, example), 'utf8'));
	}
});

test("the template's type check passes (svelte-check, then tsc on vite.config.ts)", () => {
	expect(check.output).toContain('svelte-check found 0 errors and 0 warnings');
	expect(check.ok, check.output).toBe(true);
});

/** A tab on the Node app's login page; `javaScript` on or off. */
async function open(javaScript: boolean) {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	context.setDefaultTimeout(10_000);
	const tab = await context.newPage();
	const errors: Error[] = [];
	tab.on('pageerror', (error) => errors.push(error));
	await tab.goto(`${node.origin}/login`);
	if (javaScript) await tab.locator('main[data-hydrated="true"]').waitFor();
	// A marker on the window: a reload or a native submission would lose it.
	if (javaScript) await tab.evaluate(() => ((window as any).stayed = true));
	return { tab, errors, close: () => context.close() };
}

/** Fills the form and presses `button`. */
async function submit(tab: Page, email: string, password: string, button: string) {
	await tab.getByLabel('Email').fill(email);
	await tab.getByLabel('Password').fill(password);
	await tab.getByRole('button', { name: button }).click();
}

/** The page's alerts, as text. */
const alerts = (tab: Page) => tab.getByRole('alert').allTextContents();

for (const javaScript of [true, false]) {
	test(`${javaScript ? 'enhanced' : 'without JavaScript'}: failure, success, error(503), a thrown error, redirect`, async () => {
		const { tab, errors, close } = await open(javaScript);
		const email = `${javaScript ? 'on' : 'off'}@example.com`;
		// Enhanced: the same document, at the same URL. Native: a new page, at the action's URL.
		const stayed = async (search: string) => {
			expect(new URL(tab.url()).search).toBe(javaScript ? '' : search);
			if (javaScript) expect(await tab.evaluate(() => (window as any).stayed)).toBe(true);
		};

		await submit(tab, 'demo@example.com', 'wrong', 'Log in');
		await expect.poll(() => alerts(tab)).toEqual(['Invalid credentials!']);
		expect(await tab.getByLabel('Email').inputValue()).toBe('demo@example.com');
		await stayed('?/login');

		await submit(tab, email, 'pw', 'Register');
		await expect.poll(() => tab.getByRole('status').textContent()).toBe(`Registered ${email}: now log in.`);
		await stayed('?/register');

		// error(503): the status and message, beside the form, which keeps what was typed.
		await submit(tab, email, 'secret', 'Forgot password');
		if (javaScript) {
			await expect.poll(() => alerts(tab)).toEqual([expect.stringContaining('Password resets are down for maintenance')]);
		} else {
			await expect.poll(() => alerts(tab)).toEqual(['Error 503Password resets are down for maintenance']);
			// The password is never sent back.
			expect(await tab.getByLabel('Password').inputValue()).toBe('');
		}
		expect(await tab.getByLabel('Email').inputValue()).toBe(email);
		await stayed('?/reset');
		// The boundary's default look (or, without JavaScript, the page's styles) arrived: the CSS is served.
		const css = await tab.evaluate(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'));
		expect(css).toContain('--error-boundary-background');
		if (javaScript) {
			const look = await tab.getByRole('alert').evaluate((alert) => getComputedStyle(alert).backgroundColor);
			expect(look).toBe('rgb(253, 242, 243)');
		}

		// Registering the same email again throws in the action: a 500 whose details stay on the server.
		if (javaScript) await tab.getByRole('button', { name: 'Dismiss' }).click();
		await submit(tab, email, 'pw', 'Register');
		if (javaScript) await expect.poll(() => alerts(tab)).toEqual([expect.stringContaining('Internal Error')]);
		else await expect.poll(() => alerts(tab)).toEqual(['Error 500Internal Error']);
		expect(await tab.getByLabel('Email').inputValue()).toBe(email);
		expect(await tab.content()).not.toContain('duplicate key');
		await stayed('?/register');

		await submit(tab, 'demo@example.com', 'demo', 'Log in');
		await tab.getByRole('heading', { name: 'Welcome' }).waitFor();
		await close();
		expect(errors).toEqual([]);
	});
}

test('a production build that forgot the boundary reports the error to window error listeners, and logs nothing of its own', async () => {
	const context = await browser.newContext();
	context.setDefaultTimeout(10_000);
	const script = readFileSync(join(dir, 'dist/unshown/unshown.js'));
	// Served beside the app, so the form posts to its real action.
	await context.route(`${node.origin}/unshown`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><form method="POST" action="/login?/reset"><button>Reset</button></form><script type="module" src="/unshown.js"></script>'
		})
	);
	await context.route(`${node.origin}/unshown.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
	await context.addInitScript(() => {
		(window as any).reported = [];
		addEventListener('error', (event) => (window as any).reported.push([event.error?.message, event.error?.cause?.message]));
	});
	const tab = await context.newPage();
	const logged: string[] = [];
	tab.on('console', (message) => logged.push(message.text()));
	// `load` comes after the module script ran: the form is enhanced.
	await tab.goto(`${node.origin}/unshown`);
	await tab.getByRole('button', { name: 'Reset' }).click();
	await expect
		.poll(() => tab.evaluate(() => (window as any).reported))
		.toEqual([['error result of POST /login?/reset (503: Password resets are down for maintenance)', 'Password resets are down for maintenance']]);
	// Still on the page: the enhanced submission navigated nowhere.
	expect(new URL(tab.url()).pathname).toBe('/unshown');
	expect(logged.filter((text) => text.includes('svelte-form-actions:'))).toEqual([]);
	await context.close();
});

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
	const css = await Promise.all([node, hono].map(({ origin }) => fetch(`${origin}/client.css`).then(async (response) => [response.headers.get('content-type'), await response.text()])));
	expect(css[0][0]).toBe('text/css');
	expect(css[1]).toEqual(css[0]);
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
