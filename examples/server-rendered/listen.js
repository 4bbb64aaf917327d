import { createServer } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Serves a Fetch-standard handler (`Request` → `Response`) with Node's `http` module: what
 * `@hono/node-server` and other adapters do, in a few lines. Whatever one request does (a
 * handler that throws, a body that fails half-way, a client that goes away), it gets a 500 or
 * a closed connection, and the server keeps answering the others.
 */
export function listen(handle, port = 3000, host = '127.0.0.1') {
	const server = createServer(async (req, res) => {
		// A stream error with no listener would end the process.
		req.on('error', () => {});
		res.on('error', () => {});
		try {
			const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
			const request = new Request(new URL(req.url, `http://${req.headers.host}`), {
				method: req.method,
				headers: Object.entries(req.headers).flatMap(([name, value]) => [value ?? []].flat().map((one) => [name, one])),
				body: hasBody ? Readable.toWeb(req) : undefined,
				duplex: 'half'
			});
			const response = await handle(request);
			const body = Buffer.from(await response.arrayBuffer());
			res.writeHead(response.status, [...response.headers].flat());
			res.end(body);
		} catch (error) {
			console.error(error);
			if (res.headersSent) return void res.destroy();
			res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Internal Error');
		}
	});
	return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
