// `$app/environment` in component tests (see the `svelteKitTesting` Vite plugin).
import { BROWSER, DEV } from 'esm-env';

/** In the browser (browser mode, jsdom); `false` when the page is rendered on a server. */
export const browser = BROWSER;
/** Tests run Vite in development mode. */
export const dev = DEV;
/** Never building: tests run the source. */
export const building = false;
/** The app's version (`kit.version.name`): a fixed name in tests. */
export const version = 'test';
