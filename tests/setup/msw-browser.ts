import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './msw-worker.js';

// Only posts must be handled: the page also fetches its modules through the worker.
beforeAll(() => server.start({ quiet: true, onUnhandledRequest: (request, print) => void (request.method === 'POST' && print.error()) }));
afterEach(() => server.resetHandlers());
afterAll(() => server.stop());
