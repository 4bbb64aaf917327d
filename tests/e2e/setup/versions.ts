import { buildApps } from './build.js';

/**
 * `npm run test:versions`: fixtures/kit3 (SvelteKit 3.4 on Node 22), served and run under `vite dev`;
 * sv-plain copied; fixtures/kit3-remote on combination C's packages (SvelteKit 3.4.1), served and
 * run under `vite dev` by tests/e2e/remote-functions.e2e.ts.
 */
export default () =>
	buildApps({
		demo: false,
		served: ['kit3'],
		installedOnly: ['sv-plain'],
		onPackages: [{ app: 'kit3-remote', combination: 'kit3-vitest5', sveltekit: "alias: { $lib: 'src/lib' }" }]
	});
