import { createServer } from 'node:http';
import { Readable } from 'node:stream';

/**
 * Serves a Fetch-standard handler (`Request` → `Response`) with Node's `http` module: what
 * `@hono/node-server` and other adapters do, in a few lines.
 */
export function listen(handle, port = 3000, host = '127.0.0.1') {
	const server = createServer(async (req, res) => {
		const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
		const request = new Request(new URL(req.url, `http://${req.headers.host}`), {
			method: req.method,
			headers: Object.entries(req.headers).flatMap(([name, value]) => [value ?? []].flat().map((one) => [name, one])),
			body: hasBody ? Readable.toWeb(req) : undefined,
			duplex: 'half'
		});
		const response = await handle(request);
		res.writeHead(response.status, [...response.headers].flat());
		res.end(Buffer.from(await response.arrayBuffer()));
	});
	return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
