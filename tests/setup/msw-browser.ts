import { setupWorker } from 'msw/browser';
import { afterEach, beforeAll } from 'vitest';

/**
 * Browser mode's counterpart of `./msw.ts`: MSW's service worker (served by `svelteKitTesting()`)
 * answers the page's requests; tests add their handlers with `server.use(...)`, as under jsdom.
 * Only posts must be handled: the page also fetches its modules through the worker.
 */
export const server = setupWorker();

// Browser mode runs the test files in one page, with this module loaded once: start once.
let started: Promise<unknown> | undefined;
beforeAll(() => (started ??= server.start({ quiet: true, onUnhandledRequest: (request, print) => void (request.method === 'POST' && print.error()) })));
afterEach(() => server.resetHandlers());
