// `svelte-form-actions/vite/dev`: the development loop of an app outside SvelteKit. `vite dev`
// serves the Svelte app with HMR as usual, and hands every other request to the app's own
// Fetch-standard handler (its pages and its `formActions`), loaded through Vite: an edit to an
// action or a page applies at the next request, with no build and no restart.
//
// Node only, and only in a Vite config: no app imports it, so it never reaches a bundle.
import { statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Connect, Plugin, ViteDevServer } from 'vite';

/** A Fetch-standard handler; nothing (`undefined`) lets Vite answer instead. */
export type DevHandler = (request: Request) => Response | undefined | void | Promise<Response | undefined | void>;

export interface FormActionsDevOptions {
	/**
	 * The module that answers the app's requests, as Vite names it (`'/src/dev.ts'`): its default
	 * export is a handler, or an object with a `fetch` handler (a Hono app). Loaded with
	 * `ssrLoadModule`, so it and what it imports are the sources, reloaded after each edit.
	 */
	entry: string;
	/**
	 * The URLs the production pages load the browser's scripts from, each with the source Vite
	 * compiles for it in development: `{ '/client.js': '/src/client.ts' }`. The pages stay as they
	 * are in production.
	 */
	scripts?: Record<string, string>;
}

/**
 * A Vite plugin for `vite dev` only: requests for the project's files and Vite's own paths go to
 * Vite; every other request goes to the handler `entry` exports, whose HTML pages get Vite's
 * client (HMR) as `transformIndexHtml` adds it.
 *
 * ```ts
 * plugins: [svelte(), formActionsDev({ entry: '/src/dev.ts', scripts: { '/client.js': '/src/client.ts' } })]
 * ```
 */
export function formActionsDev({ entry, scripts = {} }: FormActionsDevOptions): Plugin {
	let root = '';
	return {
		name: 'svelte-form-actions:dev',
		apply: 'serve',
		configResolved(config) {
			root = config.root;
		},
		// `/client.js` is the module `/src/client.ts`: Vite serves and hot-updates it as that source.
		resolveId(id) {
			if (Object.hasOwn(scripts, id)) return join(root, scripts[id]);
		},
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const path = (req.url ?? '/').split('?')[0];
				if (Object.hasOwn(scripts, path) || isVites(server, path)) return next();
				answer(server, entry, req, res).then((answered) => answered || next(), next);
			});
		}
	};
}

/** Whether Vite serves `path` itself: its own URLs, dependencies, and the project's files. */
function isVites(server: ViteDevServer, path: string): boolean {
	if (path.startsWith('/@') || path.startsWith('/node_modules/') || path.startsWith('/__')) return true;
	try {
		return statSync(join(server.config.root, decodeURIComponent(path))).isFile();
	} catch {
		return false;
	}
}

/** Answers with the app's handler; false when it answered nothing. */
async function answer(server: ViteDevServer, entry: string, req: Connect.IncomingMessage, res: ServerResponse): Promise<boolean> {
	let response;
	try {
		const exported = (await server.ssrLoadModule(entry)).default;
		const handle: DevHandler | undefined = typeof exported === 'function' ? exported : exported?.fetch?.bind(exported);
		if (!handle) throw new Error(`svelte-form-actions: ${entry} must export default a handler, (request) => Response`);
		response = await handle(toRequest(req));
	} catch (error) {
		// Stack traces that point into the sources, not Vite's transformed modules.
		if (error instanceof Error) server.ssrFixStacktrace(error);
		throw error;
	}
	if (!response) return false;
	let body: Uint8Array | string = new Uint8Array(await response.arrayBuffer());
	if (response.headers.get('content-type')?.startsWith('text/html')) {
		body = await server.transformIndexHtml(req.originalUrl ?? req.url ?? '/', new TextDecoder().decode(body));
	}
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	res.writeHead(response.status, [...headers].flat());
	res.end(body);
	return true;
}

/** Node's request as a Fetch `Request`, its body streamed. */
function toRequest(req: Connect.IncomingMessage): Request {
	const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
	return new Request(new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host}`), {
		method: req.method,
		headers: Object.entries(req.headers).flatMap(([name, value]) => [value ?? []].flat().map((one) => [name, one] as [string, string])),
		body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
		// @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
		duplex: 'half'
	});
}
