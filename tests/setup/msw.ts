import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * One MSW server for every test file; tests add their handlers with `server.use(...)`. The
 * jsdom fixes MSW needs (multipart bodies) come from the test kit's setup file, listed before.
 */
export const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
