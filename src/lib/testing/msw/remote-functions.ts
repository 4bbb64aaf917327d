// MSW handlers for SvelteKit 3's remote functions, made from the function itself and answering
// as SvelteKit's server does (the wire is in ../remote/wire.ts). A handler's answer is written as
// the remote function's own body would be: return a value, or throw `error()`, `redirect()` or
// (in a form) `invalid()`, SvelteKit's or this package's.
import * as devalue from 'devalue';
import { http, type HttpHandler } from 'msw';
import { outcomeOf } from '../../server/kit.js';
import { identityOf } from '../remote/functions.js';
import {
	errorReply,
	liveEvent,
	normalizeIssue,
	decodeBinaryForm,
	parseRemoteArg,
	remoteKey,
	remotePrefix,
	replyResponse,
	resultReply as encodeReply,
	splitRemoteKey,
	stringifyRemoteArg,
	type LiveEvent,
	type RemoteData,
	type RemoteError,
	type RemoteFormIssue,
	type RemoteReply
} from '../remote/wire.js';
import { app } from '../remote/transport.js';
import { kit } from './kit.js';
import { createCalls } from './requests.js';

type AnyFunction = (...args: any[]) => any;

/** A reply's data, with the app's custom types encoded by its `transport` hook. */
const resultReply = (data: RemoteData): RemoteReply => encodeReply(data, app.encoders);
/** A query function's argument (`getPost(id)`: the type of `id`). */
export type RemoteArg<F> = F extends (arg: infer A, ...rest: any[]) => any ? Exclude<A, void> : never;
/** A query's or command's value. */
export type RemoteValue<F> = F extends (...args: any[]) => PromiseLike<infer V> ? V : unknown;
/** A form's result (`createPost.result`). */
export type RemoteFormResult<F> = F extends { readonly result: infer O } ? Exclude<O, undefined> : unknown;
/** A form's fields, as its schema's input (or any record). */
export type RemoteFormData<F> = F extends { preflight(schema: infer S): any }
	? S extends { readonly '~standard': { readonly types?: { readonly input: infer I } | undefined } }
		? unknown extends I
			? Record<string, any>
			: I
		: Record<string, any>
	: Record<string, any>;

/** What a mocked command or form may do besides answering: SvelteKit's single-flight refreshes. */
export interface RemoteTools {
	/** The request, as MSW received it (already read). */
	request: Request;
	/** The arguments of `query` whose refresh the client asked for (`.updates(getPost(1))`), as SvelteKit's `requested`. */
	requested<Q extends AnyFunction>(query: Q): RemoteArg<Q>[];
	/**
	 * Sends a query's new value with the reply (`getPosts().refresh()` on the server): `refresh(getPosts, posts)`
	 * for a query without argument, `refresh(getPost, id, post)` for one with.
	 */
	refresh<Q extends AnyFunction>(query: Q, ...value: [value: RemoteValue<Q>] | [arg: RemoteArg<Q>, value: RemoteValue<Q>]): void;
}

/** SvelteKit's `issue` of a form: `issue.title('Taken')`, `issue.items[0]('…')`, `issue('…')`. */
export type RemoteIssueBuilder = ((message: string) => RemoteIssue) & { readonly [field: string]: RemoteIssueBuilder };
/** An issue, as `invalid()` takes it. */
export interface RemoteIssue {
	message: string;
	path: (string | number)[];
}

/** An MSW handler of a remote function, with what it received, decoded, in order (emptied by `resetAll()`). */
export type RemoteHandler<Call> = HttpHandler & { calls: Call[] };

/**
 * An MSW handler for a `query()`: `answer` gets the argument and returns its value, or throws
 * `error()` (the query fails with it) or `redirect()`.
 *
 * ```js
 * server.use(queryHandler(getPost, (id) => (id === 1 ? post : error(404, 'No such post'))));
 * ```
 */
export function queryHandler<F extends AnyFunction>(query: F, answer: (arg: RemoteArg<F>) => RemoteValue<F> | Promise<RemoteValue<F>>): RemoteHandler<RemoteArg<F>> {
	const { id } = identityOf(query, 'query', 'queryHandler');
	const calls = createCalls<RemoteArg<F>>();
	const handler = http.get(remotePrefix + id, async ({ request }) => {
		const payload = new URL(request.url).searchParams.get('payload') ?? '';
		const arg = parseRemoteArg(payload, app.decoders) as RemoteArg<F>;
		calls.push(arg);
		// The query's value comes back twice: as the call's output, and under its key for the cache.
		return replyResponse(await answered(() => answer(arg), (value) => ({ _: value, q: { [remoteKey(id, payload)]: { v: value } } })));
	});
	return Object.assign(handler, { calls });
}

/**
 * An MSW handler for a `query.live()`, written as its server function: `answer` gets the argument
 * and returns (or is) an async generator of values. Each new value goes to the page as SvelteKit's
 * server sends it (a value equal to the one before is not sent again); when the generator ends,
 * so does the stream (the query is `done`); a thrown `error()` or `redirect()` ends it too.
 *
 * ```js
 * server.use(queryLiveHandler(countdown, async function* (from) {
 *   for (let n = from; n >= 0; n--) yield n;
 * }));
 * ```
 */
export function queryLiveHandler<F extends AnyFunction>(
	query: F,
	answer: (arg: RemoteArg<F>) => AsyncIterable<RemoteValue<F>> | Iterable<RemoteValue<F>>
): RemoteHandler<RemoteArg<F>> {
	const { id } = identityOf(query, 'query.live', 'queryLiveHandler');
	const calls = createCalls<RemoteArg<F>>();
	const handler = http.get(remotePrefix + id, ({ request }) => {
		const arg = parseRemoteArg(new URL(request.url).searchParams.get('payload'), app.decoders) as RemoteArg<F>;
		calls.push(arg);
		const encoder = new TextEncoder();
		const body = new ReadableStream<Uint8Array>({
			async start(controller) {
				const send = (event: LiveEvent) => controller.enqueue(encoder.encode(liveEvent(event)));
				let last: string | undefined;
				try {
					for await (const value of answer(arg)) {
						if (request.signal.aborted) break;
						const result = devalue.stringify(value, app.encoders);
						if (result !== last) send({ type: 'result', result });
						last = result;
					}
				} catch (thrown) {
					if (outcomeKind(thrown) === 'redirect') send({ type: 'redirect', location: String((thrown as { location: string | URL }).location) });
					else send({ type: 'error', error: expectedError(thrown) });
				}
				controller.close();
			}
		});
		return new Response(body, { headers: { 'cache-control': 'private, no-store', 'content-type': 'text/event-stream' } });
	});
	return Object.assign(handler, { calls });
}

/**
 * An MSW handler for a `query.batch()`, written as its server function: `answer` gets every
 * argument of the batch and returns a function that gives each one's value (or throws `error()`
 * for that one).
 *
 * ```js
 * server.use(queryBatchHandler(getLikes, (ids) => (id) => likes[id]));
 * ```
 */
export function queryBatchHandler<F extends AnyFunction>(
	query: F,
	answer: (args: RemoteArg<F>[]) => ((arg: RemoteArg<F>, index: number) => RemoteValue<F>) | Promise<(arg: RemoteArg<F>, index: number) => RemoteValue<F>>
): RemoteHandler<RemoteArg<F>[]> {
	const { id } = identityOf(query, 'query.batch', 'queryBatchHandler');
	const calls = createCalls<RemoteArg<F>[]>();
	const handler = http.post(remotePrefix + id, async ({ request }) => {
		const { payloads } = (await request.json()) as { payloads: string[] };
		const args = payloads.map((payload) => parseRemoteArg(payload, app.decoders)) as RemoteArg<F>[];
		calls.push(args);
		return replyResponse(
			await answered(async () => {
				const valueOf = await answer(args);
				return args.map((arg, index) => {
					try {
						return { type: 'result', data: valueOf(arg, index) };
					} catch (error) {
						return { type: 'error', error: expectedError(error) };
					}
				});
			}, (results) => ({ _: results }))
		);
	});
	return Object.assign(handler, { calls });
}

/**
 * An MSW handler for a `command()`: `answer` gets the argument and returns the command's value,
 * refreshing queries as the server would (`refresh`), for instance the ones the client asked for
 * with `.updates(…)` (`requested`); a refresh it asked for and did not get fails on the client.
 *
 * ```js
 * server.use(commandHandler(addLike, (id, { requested, refresh }) => {
 *   for (const post of requested(getLikes)) refresh(getLikes, post, 4);
 *   return 4;
 * }));
 * ```
 */
export function commandHandler<F extends AnyFunction>(command: F, answer: (arg: RemoteArg<F>, tools: RemoteTools) => RemoteValue<F> | Promise<RemoteValue<F>>): RemoteHandler<RemoteArg<F>> {
	const { id } = identityOf(command, 'command', 'commandHandler');
	const calls = createCalls<RemoteArg<F>>();
	const handler = http.post(remotePrefix + id, async ({ request }) => {
		const { payload, refreshes = [] } = (await request.json()) as { payload: string; refreshes?: string[] };
		const arg = parseRemoteArg(payload, app.decoders) as RemoteArg<F>;
		calls.push(arg);
		const single = singleFlight(request, refreshes);
		return replyResponse(await answered(() => answer(arg, single.tools), (value) => single.collect({ _: value }), single.collect));
	});
	return Object.assign(handler, { calls });
}

/**
 * An MSW handler for a `form()`, written as its server function: `answer` gets the submitted
 * fields (names without the form's suffix, files as `File`s) and SvelteKit's `issue` builder, and
 * returns the form's `result`, or throws `invalid(issue.title('…'))` (the form shows the issues),
 * `redirect()` or `error()`. `.for(key)` instances post here too, with the key as `id`. The
 * form's `.validate()` gets the issues of `options.validate` (the schema's checks), none without.
 *
 * ```js
 * server.use(formHandler(createPost, ({ title }, issue) => {
 *   if (title === 'taken') invalid(issue.title('This title is taken'));
 *   return { id: 1 };
 * }));
 * ```
 */
export function formHandler<F extends object>(
	form: F,
	answer: (data: RemoteFormData<F>, issue: RemoteIssueBuilder, tools: RemoteTools) => RemoteFormResult<F> | Promise<RemoteFormResult<F>>,
	options: FormHandlerOptions<F> = {}
): RemoteHandler<RemoteFormData<F>> {
	const { id } = identityOf(form, 'form', 'formHandler');
	const calls = createCalls<RemoteFormData<F>>();
	const handler = http.post(remotePrefix + id, async ({ request }) => {
		const { data, meta } = decodeBinaryForm(new Uint8Array(await request.arrayBuffer()));
		// `.validate()` asks the server for its schema's issues alone: the form's function never runs.
		if (meta.validate_only) return replyResponse(await validated<F>(data as RemoteFormData<F>, options.validate));
		calls.push(data as RemoteFormData<F>);
		const single = singleFlight(request, meta.remote_refreshes ?? []);
		try {
			const result = await answer(data as RemoteFormData<F>, issueBuilder([]), single.tools);
			return replyResponse(resultReply(single.collect({ _: { submission: true, result } })));
		} catch (thrown) {
			const issues = validationIssues(thrown);
			// Issues come back alone: no refreshes, as SvelteKit sends them.
			if (issues) return replyResponse(resultReply({ _: { submission: true, issues } }));
			return replyResponse(failed(thrown, single.collect));
		}
	});
	return Object.assign(handler, { calls });
}

/** What `formHandler` may do besides submissions. */
export interface FormHandlerOptions<F> {
	/**
	 * The form's schema, as checks that throw `invalid(…)`: what the server answers to the form's
	 * `.validate()` (which runs the schema alone, never the form's function). Without it, no issues.
	 */
	validate?: (data: RemoteFormData<F>, issue: RemoteIssueBuilder) => void | Promise<void>;
}

/** The reply to `.validate()`: the issues its checks threw (normalized), as the call's output. */
async function validated<F>(data: RemoteFormData<F>, validate: FormHandlerOptions<F>['validate'] | undefined): Promise<RemoteReply> {
	try {
		await validate?.(data, issueBuilder([]));
		return resultReply({ _: [] });
	} catch (thrown) {
		const issues = validationIssues(thrown);
		return issues ? resultReply({ _: issues }) : failed(thrown, (data) => data);
	}
}

/** Runs a mocked function: its value as `data`, or the reply of what it threw. */
async function answered<T>(run: () => T | Promise<T>, data: (value: Awaited<T>) => RemoteData, withRedirect: (data: RemoteData) => RemoteData = (data) => data): Promise<RemoteReply> {
	try {
		return resultReply(data(await run()));
	} catch (thrown) {
		return failed(thrown, withRedirect);
	}
}

/** A redirect travels inside `data` (with the refreshes made so far); any other throw is an error. */
function failed(thrown: unknown, withRedirect: (data: RemoteData) => RemoteData): RemoteReply {
	if (outcomeKind(thrown) === 'redirect') return resultReply(withRedirect({ redirect: String((thrown as { location: string | URL }).location) }));
	return errorReply(expectedError(thrown));
}

/**
 * An `error()`'s body as SvelteKit 3 sends it (`{ ...properties, status, message }`); anything
 * else unexpected, logged as a server would, and sent as SvelteKit's generic 500.
 */
function expectedError(thrown: unknown): RemoteError {
	if (outcomeKind(thrown) === 'error') {
		const { status, body } = thrown as { status: number; body: Record<string, unknown> };
		const { status: _status, message = `Error: ${status}`, ...properties } = body ?? {};
		void _status;
		return { ...properties, status, message: String(message) };
	}
	console.error(thrown);
	return { status: 500, message: 'Internal Error' };
}

function outcomeKind(thrown: unknown): ReturnType<typeof outcomeOf> {
	try {
		return outcomeOf(thrown, kit);
	} catch {
		return undefined;
	}
}

/** The issues of SvelteKit's `invalid()` (a `ValidationError`), normalized as its server sends them. */
function validationIssues(thrown: unknown): RemoteFormIssue[] | undefined {
	const isValidation = (kit as { isValidationError?: (value: unknown) => boolean } | undefined)?.isValidationError;
	if (!isValidation?.(thrown)) return undefined;
	return (thrown as { issues: RemoteIssue[] }).issues.map(normalizeIssue);
}

/** SvelteKit's `issue` proxy: each property a path segment, each call an issue at that path. */
function issueBuilder(path: (string | number)[]): RemoteIssueBuilder {
	const make = (message: string): RemoteIssue => ({ message, path });
	return new Proxy(make, {
		get(target, key) {
			if (typeof key === 'symbol') return (target as any)[key];
			return issueBuilder([...path, /^\d+$/.test(key) ? Number(key) : key]);
		}
	}) as RemoteIssueBuilder;
}

/** The refreshes a command or form asked for, and the ones its mock sends back. */
function singleFlight(request: Request, refreshes: string[]): { tools: RemoteTools; collect(data: RemoteData): RemoteData } {
	const values: Record<string, { v: unknown }> = {};
	const tools: RemoteTools = {
		request,
		requested(query) {
			const { id } = identityOf(query, refreshable, 'requested');
			return refreshes.map(splitRemoteKey).filter((key) => key.id === id).map((key) => parseRemoteArg(key.payload, app.decoders) as RemoteArg<typeof query>);
		},
		refresh(query, ...rest) {
			const { id } = identityOf(query, refreshable, 'refresh');
			const [arg, value] = rest.length === 1 ? [undefined, rest[0]] : rest;
			values[remoteKey(id, stringifyRemoteArg(arg, app.encoders))] = { v: value };
		}
	};
	return {
		tools,
		// Refreshes the server made itself tell the client not to refresh everything (`r`).
		collect: (data) => (Object.keys(values).length ? { ...data, r: true, q: { ...values } } : data)
	};
}

/** The kinds `requested` and `refresh` take: a query or a batched query, refreshed the same way. */
const refreshable = ['query', 'query.batch'] as const;
