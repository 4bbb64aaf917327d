import { buildApps } from './build.js';

/** `npm run test:versions`: fixtures/kit3 (SvelteKit 3.4 on Node 22), served and run under `vite dev`; sv-plain copied. */
export default () => buildApps({ demo: false, served: ['kit3'], installedOnly: ['sv-plain'] });
