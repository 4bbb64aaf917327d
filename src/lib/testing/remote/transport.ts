// The app's `transport` hook (its universal `src/hooks.ts`), for remote functions in component
// tests: SvelteKit's client code decodes replies with it (`app.decoders`, ./client.ts), and the
// MSW handlers encode replies and decode arguments with it, as SvelteKit's server does. The stub
// modules the Vite plugin makes for remote files hand it over (`useTransport`) before any call.

type Transporter = { encode(value: any): any; decode(value: any): any };
type Coders = Record<string, (value: any) => any>;

/** SvelteKit's `app` of its started client, as far as remote functions read it. */
export const app = { encoders: {} as Coders, decoders: {} as Coders };

/** The app's `transport` hook: each custom type's encoder and decoder, by its name. */
export function useTransport(transport: Record<string, Transporter> = {}): void {
	app.encoders = Object.fromEntries(Object.entries(transport).map(([name, { encode }]) => [name, encode]));
	app.decoders = Object.fromEntries(Object.entries(transport).map(([name, { decode }]) => [name, decode]));
}
