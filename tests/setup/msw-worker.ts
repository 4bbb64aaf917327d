import { setupWorker } from 'msw/browser';

/**
 * Browser mode's counterpart of `./msw.ts`'s server: MSW's service worker (served by
 * `svelteKitTesting()`) answers the page's requests; tests add handlers with `server.use(...)`.
 * Its own module, imported by the setup file and the tests alike: browser mode loads a setup
 * file under another URL than the tests' imports, so a worker made there would exist twice.
 */
export const server = setupWorker();
