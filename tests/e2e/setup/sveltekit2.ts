import { buildApps } from './build.js';

/** `npm run test:e2e`: the demo and fixtures/kit2 served; the apps copied or run under `vite dev`. */
export default () => buildApps({ demo: true, served: ['kit2'], installedOnly: ['sv-plain', 'sv-superforms', 'outside-vite'] });
