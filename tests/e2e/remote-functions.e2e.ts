import * as devalue from 'devalue';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { chromiumArgs, executablePath } from './chromium.js';
import { serve, type RecordedRequest } from './harness.js';
import { useTransport } from '../../src/lib/testing/remote/transport.js';
import { keptAsSent, replay } from './remote-replay.js';
import { recordRemote, type Exchange } from './remote-wire.js';
import { startDev } from './vite-dev.js';

/**
 * fixtures/kit3-remote: a SvelteKit 3.4.1 app with real remote functions (query, query.batch,
 * command, form), on combination C's packages (fixtures/kit3-vitest5, Node 22), prepared and built
 * by tests/e2e/setup/versions.ts. Every scenario is played in Chromium on its production build
 * (`node build`) and under `vite dev`: what the user sees is asserted, and every exchange with
 * `/_app/remote/` is recorded (tests/e2e/remote-wire.ts) and played again through the test kit's
 * MSW handlers, which must send the same bytes: a change of the wire in a SvelteKit release fails here.
 *
 * `WIRE_SAMPLE=1` writes the exchanges of the run to fixtures/kit3-remote/wire.sample.json.
 */
// A plain JavaScript script, loaded by URL so the type checker leaves it alone.
const { fixtureDir, fixtureNode } = await import(new URL('../../scripts/fixtures.js', import.meta.url).href);
const dir = path.join(fixtureDir('kit3-vitest5'), '.apps', 'kit3-remote');
const node: string = fixtureNode('kit3-vitest5');

const pages = ['/', '/about', '/posts/1', '/new', '/publish', '/rename', '/upload', '/countdown'];

interface Server {
	origin: string;
	/** Under `node build`: every request as the server received it (harness.ts's recording proxy). */
	requests?: RecordedRequest[];
	close(): Promise<void>;
}

const modes: [string, () => Promise<Server>][] = [
	['node build', () => serve(dir, node)],
	// Every page compiled once before the browser comes, so that no page reloads while it is tested.
	['vite dev', () => startDev(dir, { node, warm: pages })]
];

let browser: Browser;
const recorded: Record<string, Exchange[]> = {};

// The test kit's handlers, as `svelteKitTesting()` gives them SvelteKit's predicates (here the
// repository's SvelteKit 2.70, whose `invalid()` is 3.4's), answering on the page's origin.
vi.mock('../../src/lib/testing/msw/kit.js', async () => {
	const { isActionFailure, isHttpError, isRedirect, isValidationError } = await import('@sveltejs/kit');
	return { kit: { isActionFailure, isHttpError, isRedirect, isValidationError } };
});
vi.stubGlobal('location', new URL('http://localhost/'));
// The app's `transport` hook (fixtures/kit3-remote/src/hooks.ts: `Author`), as the stub modules of its
// remote files hand it over in a component test; here each `Author` is kept as the server encoded it.
useTransport(keptAsSent(['Author']));

/**
 * Every exchange played again through the test kit's MSW handler for the same function, answering
 * what the real function answered (tests/e2e/remote-replay.ts): the reply must be the real one,
 * byte for byte, and the handler must have decoded the request. Returns what each call decoded.
 */
async function sameWire(exchanges: Exchange[]): Promise<any[]> {
	const decoded = [];
	for (const exchange of exchanges) {
		const { status, body, calls } = await replay(exchange);
		expect({ call: `${exchange.method} ${exchange.url}`, status, body }).toEqual({ call: `${exchange.method} ${exchange.url}`, status: exchange.status, body: exchange.responseBody });
		decoded.push(...calls);
	}
	return decoded;
}

beforeAll(async () => {
	browser = await chromium.launch({ executablePath, args: chromiumArgs });
});

afterAll(async () => {
	await browser?.close();
	if (process.env.WIRE_SAMPLE) {
		const file = path.join(fixtureDir('kit3-remote'), 'wire.sample.json');
		fs.writeFileSync(file, JSON.stringify(recorded, null, '\t') + '\n');
	}
});

describe.each(modes)('remote functions, %s', (mode, start) => {
	let server: Server;
	let context: BrowserContext | undefined;
	const exchanges: Exchange[] = (recorded[mode] = []);

	beforeAll(async () => {
		server = await start();
	}, 120_000);

	afterAll(async () => {
		await context?.close();
		await server?.close();
	});

	/**
	 * A fresh store and browser context, then `path` opened and hydrated, its remote exchanges
	 * recorded from the start as `scenario`'s.
	 */
	async function open(scenario: string, path: string) {
		await context?.close();
		const reset = await fetch(server.origin + '/reset', { method: 'POST', headers: { origin: server.origin } });
		expect(reset.status).toBe(204);
		context = await browser.newContext();
		context.setDefaultTimeout(15_000);
		const page = await context.newPage();
		const errors: Error[] = [];
		page.on('pageerror', (error) => errors.push(error));
		const recorder = recordRemote(page, scenario);
		const first = server.requests?.length ?? 0;
		await page.goto(server.origin + path);
		await page.locator('[data-hydrated="true"]').waitFor();
		return {
			page,
			/** Waits for every exchange to be answered, keeps them, and returns them. */
			async done() {
				await recorder.settled();
				if (server.requests) {
					// What the browser sent is what the server received (the recorder reads a form's
					// Blob body in the page, which Chromium does not report): method, URL, headers, bytes.
					// Polled: a request the server has may still be on its way back to the recorder.
					const requests = server.requests;
					const received = () =>
						requests
							.slice(first)
							.filter((request) => new URL(request.url).pathname.startsWith('/_app/remote/'))
							.map((request) => ({
								method: request.method,
								url: new URL(request.url).pathname + new URL(request.url).search,
								requestHeaders: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name === 'content-type' || name.startsWith('x-sveltekit-')).sort(([a], [b]) => a.localeCompare(b))),
								requestBody: request.body.toString('base64')
							}));
					const sent = () => recorder.exchanges().map(({ method, url, requestHeaders, requestBody }) => ({ method, url, requestHeaders, requestBody }));
					const order = (list: ReturnType<typeof sent>) => [...list].sort((a, b) => `${a.method} ${a.url}`.localeCompare(`${b.method} ${b.url}`));
					await expect
						.poll(async () => {
							await recorder.settled();
							return order(sent());
						})
						.toEqual(order(received()));
				}
				const mine = recorder.exchanges();
				exchanges.push(...mine);
				expect(errors, 'uncaught errors in the page').toEqual([]);
				return mine;
			}
		};
	}

	/** Navigates on the client (the link of the layout's nav), so the next page's queries run in the browser. */
	const follow = (page: Page, link: string) => page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
	const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();
	const text = (page: Page, selector: string) => page.locator(selector).allInnerTexts();
	const remote = (exchange: Exchange) => /^\/_app\/remote\/[^/]+\/(\w+)/.exec(exchange.url)?.[1];
	const calls = (list: Exchange[]) => list.map((exchange) => `${exchange.method} ${remote(exchange)}`);

	test('a) query() without argument: the list of posts', async () => {
		const { page, done } = await open('a) query() without argument', '/about');
		await follow(page, 'Posts');
		await page.getByRole('heading', { name: 'Posts' }).waitFor();
		await expect.poll(() => text(page, '.posts li a')).toEqual(['Hello remote functions', 'Queries and commands', 'Forms with schemas']);
		await expect.poll(() => text(page, '.posts .likes')).toEqual(['0 likes', '2 likes', '5 likes']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['GET getPosts', 'POST getLikes']);
		const get = exchanges.find((exchange) => remote(exchange) === 'getPosts')!;
		expect(get.status).toBe(200);
		expect(new URL(get.url, server.origin).search).toBe('');
		expect(await sameWire(exchanges)).toEqual([undefined, ['1', '2', '3']]);
	});

	test('a) query(id): one post', async () => {
		const { page, done } = await open('a) query() with an argument', '/about');
		await follow(page, 'First post');
		await page.getByRole('heading', { name: 'Hello remote functions' }).waitFor();
		expect(await text(page, 'main .likes')).toEqual(['0 likes']);
		// The author is a class, through the app's transport hook.
		expect(await text(page, 'main .author')).toEqual(['by Ada Lovelace (A. L.)']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['GET getPost']);
		expect(new URL(exchanges[0].url, server.origin).searchParams.get('payload')).toBeTruthy();
		// The reply carries the author as the transport hook encoded it.
		expect(exchanges[0].responseBody).toContain('[\\"Author\\",');
		expect(await sameWire(exchanges)).toEqual(['1']);
	});

	test('b) query.batch(): the likes of every post in one request', async () => {
		const { page, done } = await open('b) query.batch()', '/about');
		await follow(page, 'Posts');
		await expect.poll(() => text(page, '.posts .likes')).toEqual(['0 likes', '2 likes', '5 likes']);
		const exchanges = await done();
		const batches = exchanges.filter((exchange) => remote(exchange) === 'getLikes');
		expect(batches).toHaveLength(1);
		expect(batches[0].method).toBe('POST');
		expect(JSON.parse(Buffer.from(batches[0].requestBody, 'base64').toString()).payloads).toHaveLength(3);
		expect(await sameWire(exchanges)).toEqual([undefined, ['1', '2', '3']]);
	});

	test('c) command().updates(query): the refreshed query comes back with the command (single flight)', async () => {
		const { page, done } = await open('c) command().updates()', '/');
		await click(page, 'Like 2');
		await page.getByText('Post 2 now has 3 likes.').waitFor();
		await expect.poll(() => text(page, '.posts .likes')).toEqual(['0 likes', '3 likes', '5 likes']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST addLike']);
		expect(await sameWire(exchanges)).toEqual(['2']);
	});

	test("c) a command whose server refreshes a query: the list's new order comes back with it", async () => {
		const { page, done } = await open('c) command() refreshing on the server', '/');
		await click(page, 'Pin 3');
		await page.getByText('Pinned post 3.').waitFor();
		await expect.poll(() => text(page, '.posts li a')).toEqual(['Forms with schemas', 'Hello remote functions', 'Queries and commands']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST pinPost']);
		expect(await sameWire(exchanges)).toEqual(['3']);
	});

	test("d) form(): the schema's issues, shown by fields.x.issues()", async () => {
		const { page, done } = await open('d) form() schema issues', '/new');
		await page.getByLabel('Title').fill('ab');
		await click(page, 'Create');
		await expect.poll(() => text(page, '.issue')).toEqual(['The title needs at least 3 characters.', 'Write something.']);
		expect(await page.getByRole('status').count()).toBe(0);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST createPost']);
		expect(await sameWire(exchanges)).toEqual([{ title: 'ab', body: '' }]);
	});

	test("d) form(): the server's invalid(…)", async () => {
		const { page, done } = await open('d) form() invalid()', '/new');
		await page.getByLabel('Title').fill('Hello remote functions');
		await page.getByLabel('Body').fill('Again.');
		await click(page, 'Create');
		await expect.poll(() => text(page, '.issue')).toEqual(['“Hello remote functions” is taken.']);
		expect(await text(page, '.count')).toEqual(['3 posts']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST createPost']);
		expect(await sameWire(exchanges)).toEqual([{ title: 'Hello remote functions', body: 'Again.' }]);
	});

	test('d) form(): a success shows createPost.result and refreshes the queries of the page', async () => {
		const { page, done } = await open('d) form() result', '/new');
		await page.getByLabel('Title').fill('A new post');
		await page.getByLabel('Body').fill('Its body.');
		await click(page, 'Create');
		await page.getByText('Created post 4: “A new post”').waitFor();
		await expect.poll(() => text(page, '.count')).toEqual(['4 posts']);
		expect(await text(page, '.issue')).toEqual([]);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST createPost', 'GET getPosts']);
		expect(await sameWire(exchanges)).toEqual([{ title: 'A new post', body: 'Its body.' }, undefined]);
	});

	test('d) form().enhance(): redirect(303) lands on the new post', async () => {
		const { page, done } = await open('d) form() redirect', '/publish');
		await page.getByLabel('Title').fill('Published here');
		await click(page, 'Publish');
		await page.getByRole('heading', { name: 'Published here' }).waitFor();
		expect(new URL(page.url()).pathname).toBe('/posts/4');
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST publishPost', 'GET getPost']);
		expect(await sameWire(exchanges)).toEqual([{ title: 'Published here' }, '4']);
	});

	test('d) form().preflight(schema): the issue shown in the browser, nothing sent', async () => {
		const { page, done } = await open('d) form() preflight', '/publish');
		await click(page, 'Publish');
		await expect.poll(() => text(page, '.issue')).toEqual(['A title, please.']);
		expect(await text(page, '[role=status]')).toEqual(['idle']);
		expect(await done()).toEqual([]);
	});

	test('e) form().for(key): one instance per post, each with its own result', async () => {
		const { page, done } = await open('e) form().for(key)', '/rename');
		await page.getByLabel('New title for post 2').fill('Renamed two');
		await click(page, 'Rename 2');
		await page.getByText('Renamed post 2 to “Renamed two”').waitFor();
		await expect.poll(() => text(page, 'form .title')).toEqual(['Hello remote functions', 'Renamed two', 'Forms with schemas']);
		expect(await page.getByRole('status').count()).toBe(1);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST renamePost', 'GET getPosts']);
		expect(await sameWire(exchanges)).toEqual([{ title: 'Renamed two', id: '2' }, undefined]);
	});

	test('f) a file through form(): the server reads its name and size', async () => {
		const { page, done } = await open('f) form() file upload', '/upload');
		await page.getByLabel('Note').fill('see attached');
		await page.getByLabel('Attachment').setInputFiles({ name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('Hello, remote file!\n') });
		await click(page, 'Upload');
		await page.getByText('Received hello.txt (20 bytes, text/plain): see attached').waitFor();
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['POST upload']);
		// The file's bytes travel at the end of the binary body.
		expect(Buffer.from(exchanges[0].requestBody, 'base64').toString('latin1')).toContain('Hello, remote file!\n');
		const [upload] = await sameWire(exchanges);
		expect([upload.note, upload.attachment.name, await upload.attachment.text()]).toEqual(['see attached', 'hello.txt', 'Hello, remote file!\n']);
	});

	test("d) form().validate(): the schema's issues alone, nothing created", async () => {
		// What the form's `.validate()` sends (`validate_only`), posted as the page would.
		const header = Buffer.from(devalue.stringify([{ title: 'ab', body: '' }, { validate_only: true }]));
		const lengths = Buffer.alloc(6);
		lengths.writeUInt32LE(header.byteLength, 0);
		const body = Buffer.concat([Buffer.from([0]), lengths, header]);
		const headers = { 'content-type': 'application/x-sveltekit-formdata', 'x-sveltekit-pathname': '/new', 'x-sveltekit-search': '' };
		await fetch(server.origin + '/reset', { method: 'POST', headers: { origin: server.origin } });
		const response = await fetch(server.origin + '/_app/remote/1j9lczq/createPost', { method: 'POST', headers: { ...headers, origin: server.origin }, body });
		const exchange = { scenario: 'd) form().validate()', method: 'POST', url: '/_app/remote/1j9lczq/createPost', requestHeaders: headers, requestBody: body.toString('base64'), status: response.status, responseHeaders: {}, responseBody: await response.text() };
		expect(devalue.parse(JSON.parse(exchange.responseBody).data)._.map((issue: { message: string }) => issue.message)).toEqual(['The title needs at least 3 characters.', 'Write something.']);
		expect(await sameWire([exchange])).toEqual([]);
		const posts = await fetch(server.origin + '/_app/remote/1rlm6aw/getPosts');
		expect(devalue.parse((await posts.json()).data)._).toHaveLength(3);
	});

	test('h) query.live(): every value streamed, then done when the stream ends', async () => {
		const { page, done } = await open('h) query.live()', '/about');
		await follow(page, 'Countdown');
		await page.getByText('Lift-off').waitFor();
		expect(await text(page, '.count')).toEqual(['0']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['GET countdown']);
		expect(exchanges[0].responseHeaders['content-type']).toBe('text/event-stream');
		expect(await sameWire(exchanges)).toEqual([3]);
	});

	test("g) a query's error(404): shown by the page's <svelte:boundary>", async () => {
		const { page, done } = await open('g) query() error(404)', '/about');
		await follow(page, 'Missing post');
		await page.getByRole('heading', { name: 'No such post' }).waitFor();
		expect(await text(page, '[role=alert]')).toEqual(['Failed: 404 No post 999']);
		const exchanges = await done();
		expect(calls(exchanges)).toEqual(['GET getPost']);
		expect(await sameWire(exchanges)).toEqual(['999']);

		// Loaded from the server, the same boundary shows it, with the page's HTTP status 404.
		const response = await page.goto(server.origin + '/posts/999');
		expect(response?.status()).toBe(404);
		await page.locator('[data-hydrated="true"]').waitFor();
		expect(await text(page, '[role=alert]')).toEqual(['Failed: 404 No post 999']);
	});
});
