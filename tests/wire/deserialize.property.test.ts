import * as devalue from 'devalue';
import fc from 'fast-check';
import { http } from 'msw';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { configure, deserialize } from '../../src/lib/index.js';
import type { ActionResult } from '../../src/lib/index.js';
import { deferred, enhanced } from '../helpers/dom.js';
import { server } from '../setup/msw.js';

/**
 * Property: any result a SvelteKit server can send survives the wire. A random `ActionResult`,
 * serialized the way SvelteKit's server serializes it (JSON, with `data` through devalue and
 * custom types through `transport`), comes back from `deserialize`, and from `use:enhance`,
 * unchanged: same values, same types, same prototypes, same shared and cyclic references.
 */

class Vector {
	constructor(
		readonly x: number,
		readonly y: number
	) {}
}
const transport = {
	Vector: {
		encode: (value: unknown) => value instanceof Vector && [value.x, value.y],
		decode: ([x, y]: [number, number]) => new Vector(x, y)
	}
};
const reducers = { Vector: transport.Vector.encode };

beforeEach(() => configure({ transport }));

// `__proto__` keys are refused on purpose (hostile-input.test.ts); devalue.stringify refuses them too.
const key = fc.string({ unit: 'grapheme', maxLength: 8 }).filter((k) => k !== '__proto__');

/** Any value devalue serializes, custom types included. */
const value = fc.letrec((tie) => ({
	leaf: fc.oneof(
		fc.anything({
			key,
			maxDepth: 2,
			withBigInt: true,
			withBoxedValues: true,
			withDate: true,
			withMap: true,
			withSet: true,
			withNullPrototype: true,
			withSparseArray: true,
			withTypedArray: true,
			withUnicodeString: true
		}),
		fc.constantFrom(NaN, -0, Infinity, -Infinity, undefined, null, Number.MIN_VALUE, -(2n ** 70n), new BigInt64Array([-1n, 2n ** 62n])),
		fc.double(),
		fc.date().map((date) => new Date(date)),
		fc.constantFrom(/fo+(bar)?/gimsuy, new RegExp('\\/[/]\\n', 'd'), /x/),
		fc.webUrl({ withQueryParameters: true, withFragments: true }).map((url) => new URL(url)),
		fc.dictionary(key, fc.string()).map((entries) => new URLSearchParams(entries)),
		fc.tuple(fc.double(), fc.double()).map(([x, y]) => new Vector(x, y))
	),
	// The same object twice, and an object that contains itself.
	shared: fc.tuple(tie('value'), tie('value')).map(([a, b]) => ({ a, b, again: a, list: [a, b, a] })),
	cyclic: fc.dictionary(key, tie('value'), { maxKeys: 3 }).map((object) => Object.assign(object, { self: object })),
	value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('shared'), tie('cyclic'))
})).value;

const data = fc.dictionary(key, value, { maxKeys: 5 });
const location = fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.webPath().map((path) => `/${path.replace(/^\/+/, '')}`), fc.constant('?/login'));
/** Errors travel as JSON (SvelteKit's `App.Error`), not devalue. */
const error = fc.record({ message: fc.string({ unit: 'grapheme' }) }, { noNullPrototype: true }).chain((base) =>
	fc.dictionary(key, fc.jsonValue(), { maxKeys: 3 }).map((extra) => ({ ...extra, ...base }))
);
const sk3Location = { location: location };

const result: fc.Arbitrary<ActionResult> = fc.oneof(
	fc.record(
		{ type: fc.constant('success' as const), status: fc.constantFrom(200, 201, 204), data: fc.option(data, { nil: undefined }), ...sk3Location },
		{ requiredKeys: ['type', 'status'], noNullPrototype: true }
	),
	fc.record(
		{ type: fc.constant('failure' as const), status: fc.integer({ min: 400, max: 599 }), data: fc.option(data, { nil: undefined }), ...sk3Location },
		{ requiredKeys: ['type', 'status'], noNullPrototype: true }
	),
	fc.record({ type: fc.constant('redirect' as const), status: fc.constantFrom(301, 302, 303, 307, 308), location }, { noNullPrototype: true }),
	fc.record({ type: fc.constant('error' as const), error, ...sk3Location }, { requiredKeys: ['type', 'error'], noNullPrototype: true })
);

/** The body a SvelteKit server answers with (`data` through devalue and the transport hook). */
function serialize(result: ActionResult): string {
	if (!('data' in result)) return JSON.stringify(result);
	return JSON.stringify({ ...result, data: devalue.stringify(result.data, reducers) });
}

/** The protocol carries `error` as JSON: what JSON cannot say (-0, undefined keys) cannot come back. */
function expected(result: ActionResult): ActionResult {
	return result.type === 'error' ? { ...result, error: JSON.parse(JSON.stringify(result.error)) } : result;
}

function expectSame(actual: ActionResult, wanted: ActionResult) {
	expect(actual).toStrictEqual(wanted);
	// toStrictEqual does not see shared references, cycles or every built-in's contents
	// (URL, URLSearchParams): devalue's own output does, for both sides.
	if ('data' in wanted) expect(devalue.stringify((actual as { data: unknown }).data, reducers)).toBe(devalue.stringify(wanted.data, reducers));
}

describe('property: random results survive serialize → deserialize', () => {
	test('deserialize(serialize(result)) is the result', () => {
		fc.assert(
			fc.property(result, (result) => {
				expectSame(deserialize(serialize(result)), expected(result));
			}),
			{ numRuns: 500 }
		);
	});

	test('through use:enhance: the callback gets the result (an error with the HTTP status)', async () => {
		history.replaceState(null, '', '/login');
		configure({ goto: vi.fn(), invalidateAll: vi.fn() });
		await fc.assert(
			fc.asyncProperty(result, fc.constantFrom(200, 400, 500, 503), async (result, httpStatus) => {
				const status = result.type === 'error' ? httpStatus : 200;
				server.use(http.post('/login', () => new Response(serialize(result), { status, headers: { 'content-type': 'application/json' } })));
				const done = deferred<ActionResult>();
				const { form, action } = enhanced('<form method="POST" action="?/login"></form>', () => ({ result }) => done.resolve(result));
				form.requestSubmit();
				const received = await done.promise;
				action.destroy();
				expectSame(received, result.type === 'error' ? { ...expected(result), status } : result);
			}),
			{ numRuns: 60 }
		);
		history.replaceState(null, '', '/');
	});
});
