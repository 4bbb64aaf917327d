import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './msw-worker.js';

// Only posts must be handled: the page also fetches its modules through the worker. An unhandled
// one is refused (msw 2.15's `print.error()` only prints: the throw refuses the request).
beforeAll(() =>
	server.start({
		quiet: true,
		onUnhandledRequest: (request, print) => {
			if (request.method !== 'POST') return;
			print.error();
			throw new Error(`Unmocked POST ${request.url}`);
		}
	})
);
afterEach(() => server.resetHandlers());
afterAll(() => server.stop());
