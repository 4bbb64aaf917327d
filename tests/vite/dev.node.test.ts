// formActionsDev(): which requests reach the app's handler under `vite dev`, and what is sent back.
// A real Vite dev server, as `vite dev` starts it, on an app in a temporary directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formActionsDev } from '../../src/lib/vite/dev.js';

const root = mkdtempSync(join(tmpdir(), 'form-actions-dev-'));
let vite: ViteDevServer;
let origin: string;

/** The app: a page, an echo of what the handler saw, nothing for other paths, and a failure. */
const handler = `
export default async function respond(request) {
	const { pathname } = new URL(request.url);
	if (pathname === '/page') return new Response('<!doctype html><html><head></head><body><h1>Page</h1></body></html>', { headers: { 'content-type': 'text/html' } });
	if (pathname === '/echo') return Response.json({ method: request.method, url: request.url, body: await request.text(), header: request.headers.get('x-test') }, { status: 201, headers: { 'x-from': 'app' } });
	if (pathname === '/broken') throw new Error('the handler broke');
	if (pathname === '/src/main.ts') return new Response('the handler was asked for a source file');
}
`;

beforeAll(async () => {
	mkdirSync(join(root, 'src'));
	writeFileSync(join(root, 'src', 'dev.js'), handler);
	writeFileSync(join(root, 'src', 'main.ts'), 'export const answer: number = 42;\n');
	writeFileSync(join(root, 'src', 'hono.js'), "export default { fetch: function (request) { return new Response('fetch of ' + new URL(request.url).pathname + ' by ' + this.name); }, name: 'an app' };\n");
	vite = await createServer({
		root,
		configFile: false,
		logLevel: 'silent',
		appType: 'custom',
		server: { host: '127.0.0.1', port: 0, ws: false },
		plugins: [formActionsDev({ entry: '/src/dev.js', scripts: { '/client.js': '/src/main.ts' } })]
	});
	await vite.listen();
	origin = vite.resolvedUrls!.local[0].replace(/\/$/, '');
});

afterAll(async () => {
	await vite?.close();
	rmSync(root, { recursive: true, force: true });
});

test("the handler's response is sent as it is: status, headers, body; the request reaches it whole", async () => {
	const response = await fetch(`${origin}/echo?/save`, { method: 'POST', body: 'a=1', headers: { 'x-test': 'yes' } });
	expect(response.status).toBe(201);
	expect(response.headers.get('x-from')).toBe('app');
	expect(await response.json()).toEqual({ method: 'POST', url: `${origin}/echo?/save`, body: 'a=1', header: 'yes' });
});

test("HTML from the handler gets Vite's client", async () => {
	const html = await (await fetch(`${origin}/page`)).text();
	expect(html).toContain('<script type="module" src="/@vite/client"></script>');
	expect(html).toContain('<h1>Page</h1>');
});

test('a file of the project is served by Vite, never asked of the handler', async () => {
	const code = await (await fetch(`${origin}/src/main.ts`)).text();
	expect(code).toContain('export const answer = 42');
});

test("a production script URL is its source's module", async () => {
	const response = await fetch(`${origin}/client.js`);
	expect(response.headers.get('content-type')).toMatch(/javascript/);
	expect(await response.text()).toContain('export const answer = 42');
});

test('nothing from the handler lets Vite answer', async () => {
	// appType 'custom': Vite has nothing either, so it answers 404.
	expect((await fetch(`${origin}/nowhere`)).status).toBe(404);
});

test('a handler that throws is a 500 from Vite, not a hung request', async () => {
	const errors: unknown[] = [];
	const log = vite.config.logger.error;
	vite.config.logger.error = (message) => void errors.push(message);
	try {
		expect((await fetch(`${origin}/broken`)).status).toBe(500);
		expect(String(errors[0])).toContain('the handler broke');
	} finally {
		vite.config.logger.error = log;
	}
});

test('an entry that exports an object with fetch (a Hono app) is called as one', async () => {
	const other = await createServer({
		root,
		configFile: false,
		logLevel: 'silent',
		appType: 'custom',
		server: { middlewareMode: true, ws: false },
		plugins: [formActionsDev({ entry: '/src/hono.js' })]
	});
	const server = createHttpServer(other.middlewares);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/hello`);
		expect(await response.text()).toBe('fetch of /hello by an app');
	} finally {
		await new Promise((resolve) => server.close(resolve));
		await other.close();
	}
});
