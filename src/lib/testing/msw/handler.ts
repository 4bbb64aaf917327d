import { http, type HttpHandler, type Path, type PathParams } from 'msw';
import { formActions, type ActionEvent as ServerActionEvent } from '../../server/actions.js';
import type { KitOutcomes } from '../../server/kit.js';
import type { HandleError } from '../../server/unexpected.js';
import { kitMajor } from '../app/kit-major.js';
import { kit as pluginKit } from './kit.js';
import { createRecord, type RecordedRequest } from './requests.js';

/** What a mocked action receives: the server entry's event, with MSW's path parameters. */
export type ActionEvent<Params = PathParams> = ServerActionEvent<Params>;

/**
 * A mocked form action: returns data (a success), `fail(status, data)` (a failure), or throws
 * `redirect(status, location)` or `error(status, body)`. Anything else thrown is an unexpected
 * error: a 500 with a generic message, the real error logged. SvelteKit's own `fail`, `redirect`
 * and `error` work too when the handler has `kit` (see `ActionHandlerOptions`).
 */
export type MockAction<Params = PathParams> = (event: ActionEvent<Params>) => unknown;

/** The handler, with what each of its actions received. */
export type ActionHandler<Actions extends Record<string, MockAction<any>>> = HttpHandler & {
	/** Per action name, the requests it received, in order. Emptied by `resetAll()`. */
	requests: { [Name in keyof Actions]: RecordedRequest[] };
};

export interface ActionHandlerOptions {
	/**
	 * SvelteKit's module (`import * as kit from '@sveltejs/kit'`), so that actions using its own
	 * `fail`, `redirect` and `error` answer as in SvelteKit. The `svelteKitTesting()` Vite plugin
	 * passes it by itself in a SvelteKit project; without either, SvelteKit's outcomes are
	 * unexpected errors (500).
	 */
	kit?: KitOutcomes;
	/** What the client sees of an unexpected error, as `formActions`' `handleError`. */
	handleError?: HandleError;
	/**
	 * The SvelteKit major whose server to answer as (`formActions`' `sveltekit`): SvelteKit 3 sends
	 * a failure's status over HTTP and the action's page in `location`. Under the
	 * `svelteKitTesting()` Vite plugin it is the installed `@sveltejs/kit`'s major; otherwise 2.
	 */
	sveltekit?: 2 | 3;
}

/**
 * An MSW handler for the form actions of the page at `path` (MSW path syntax: `/blog/:slug`),
 * answering exactly as a SvelteKit server does (the installed major's, 2 without SvelteKit): `formActions` from
 * `svelte-form-actions/server` answers, as a development server (no cross-site check). Named
 * actions are chosen by `?/name` in the URL; `default` answers a POST without one. Use either
 * named actions or `default`, as in SvelteKit.
 *
 * ```js
 * const login = actionHandler('/login', {
 *   login: ({ formData }) => formData.get('password') === 'demo'
 *     ? redirect(303, '/')
 *     : fail(400, { email: formData.get('email'), incorrect: true })
 * });
 * server.use(login);
 * // …submit the form…
 * expect(login.requests.login[0].formData.get('email')).toBe('demo@example.com');
 * ```
 */
export function actionHandler<Actions extends Record<string, MockAction<any>>>(
	path: Path,
	actions: Actions,
	options: ActionHandlerOptions = {}
): ActionHandler<Actions> {
	if (typeof path === 'string' && path.includes('?')) {
		throw new Error(
			`actionHandler('${path}'): MSW ignores the query in a path. Give the page's path and name the ` +
				`actions in the object: actionHandler('/login', { login }) answers POST /login?/login.`
		);
	}
	const names = Object.keys(actions);
	const requests = createRecord(names);
	// Each action records what it received (an unread copy of the request) before it runs. The
	// event is copied with its property descriptors: the `formData` of a body that does not parse
	// is a getter that throws, and only an action that reads it must fail.
	const recorded = Object.fromEntries(
		names.map((name) => [
			name,
			(event: ActionEvent<any>) => {
				const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(event)) as ActionEvent<any>;
				requests[name].push(Object.assign(copy, { request: event.request.clone() }));
				return actions[name](event);
			}
		])
	);
	const { kit = pluginKit, handleError, sveltekit = kitMajor >= 3 ? 3 : 2 } = options;
	// As SvelteKit's dev server: no cross-site check, no body size limit.
	const respond = formActions<PathParams>(recorded, { trustedOrigins: ['*'], bodySizeLimit: Infinity, kit, handleError, sveltekit });
	const handler = http.post(path, ({ request, params }) => respond(request, params));
	return Object.assign(handler, { requests }) as ActionHandler<Actions>;
}
