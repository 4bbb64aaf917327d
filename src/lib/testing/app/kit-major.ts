// The major version of the project's SvelteKit, whose behaviour the kit's `$app/*` stand-ins
// follow. The `svelteKitTesting()` Vite plugin replaces this module with the major it reads from
// the project's `@sveltejs/kit/package.json`; without the plugin (or SvelteKit), SvelteKit 2's.
export const kitMajor: number = 2;
