import type { Transporter } from '../types.js';

// The custom types that cross the wire, by name. Svelte-free, so `svelte-form-actions/server`
// shares it with the client: `configure({ transport })` and the server's `setTransport` fill
// the same registry, and `deserialize` decodes what the server's encoder encodes.

/** The registered types (SvelteKit's `transport` hook object shape). */
export let types: Record<string, Transporter> = {};

/** devalue revivers built from `types`, kept ready so `deserialize` does no work. */
export let revivers: Record<string, (value: any) => any> = {};

/** Replaces the registered types. */
export function setTransport(transport: Record<string, Transporter>): void {
	types = transport;
	revivers = {};
	for (const name in transport) revivers[name] = transport[name].decode;
}

/**
 * How `data` decodes when not by devalue with `revivers`: SvelteKit's own decoding once the app
 * called `configure(sveltekit)`. Kept here, not in `config`, so `deserialize` alone brings no
 * navigation code with it.
 */
export let decode: ((data: string) => unknown) | undefined;

/** Sets (or, with `undefined`, removes) the decoding of `data`. */
export function setDecode(decoder: ((data: string) => unknown) | undefined): void {
	decode = decoder;
}
