// Type tests for the public generics of the MSW kit, checked by svelte-check (`npm run check`).
import type { HttpHandler } from 'msw';
import { expectTypeOf } from 'vitest';
import { actionHandler, error, fail, redirect, type ActionFailure, type RecordedRequest } from '../../src/lib/testing/msw/index.js';

const handler = actionHandler('/shop/:id', { add: () => ({}), remove: () => fail(400) });

// It is an MSW handler, for `server.use(handler)`.
expectTypeOf(handler).toExtend<HttpHandler>();
// One list of requests per action name, and no others.
expectTypeOf(handler.requests).toEqualTypeOf<{ add: RecordedRequest[]; remove: RecordedRequest[] }>();
// @ts-expect-error: the handler has no action `checkout`.
handler.requests.checkout;
expectTypeOf(handler.requests.add[0].formData).toEqualTypeOf<FormData>();

expectTypeOf(fail(400, { email: 'a' })).toEqualTypeOf<ActionFailure<{ email: string }>>();
expectTypeOf(fail(404)).toEqualTypeOf<ActionFailure<undefined>>();
// Like SvelteKit's, they throw.
expectTypeOf(redirect).returns.toBeNever();
expectTypeOf(error).returns.toBeNever();

actionHandler('/login', {
	login: ({ request, formData, url, params }) => {
		expectTypeOf(request).toEqualTypeOf<Request>();
		expectTypeOf(formData).toEqualTypeOf<FormData>();
		expectTypeOf(url).toEqualTypeOf<URL>();
		expectTypeOf(params).toExtend<Record<string, string | readonly string[] | undefined>>();
	}
});
