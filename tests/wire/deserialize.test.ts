import * as devalue from 'devalue';
import { describe, expect, test } from 'vitest';
import { configure, deserialize } from '../../src/lib/index.js';


const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;
const shared = { id: 1 };

/** Values that must survive the wire unchanged; each case runs through every result type. */
const fixtures: Array<[string, Record<string, unknown>]> = [
	['plain JSON', { email: 'a@b.c', tags: ['x', 'y'], nested: { n: 1, ok: true, none: null } }],
	['Date', { at: new Date('2026-11-21T10:00:00Z') }],
	['BigInt', { big: 12345678901234567890n }],
	['Map and Set', { map: new Map([['a', 1]]), set: new Set(['x', 'y']) }],
	['RegExp and URL', { re: /fo+/gi, url: new URL('https://example.com/a?b=c') }],
	['undefined, NaN, -0, Infinity', { u: undefined, nan: NaN, negZero: -0, inf: -Infinity }],
	['repeated references', { a: shared, b: shared }],
	['cyclic references', cyclic]
];

describe('deserialize round-trips devalue data', () => {
	for (const [name, data] of fixtures) {
		for (const type of ['success', 'failure'] as const) {
			test(`${name} in a ${type}`, () => {
				const text = JSON.stringify({ type, status: type === 'success' ? 200 : 400, data: devalue.stringify(data) });
				const result = deserialize(text);
				expect(result).toEqual({ type, status: type === 'success' ? 200 : 400, data });
			});
		}
	}

	test('repeated references stay one object', () => {
		const result = deserialize(JSON.stringify({ type: 'success', status: 200, data: devalue.stringify({ a: shared, b: shared }) }));
		expect(result.type === 'success' && result.data!.a).toBe(result.type === 'success' && result.data!.b);
	});

	test('a cycle is rebuilt as a cycle', () => {
		const result = deserialize(JSON.stringify({ type: 'success', status: 200, data: devalue.stringify(cyclic) }));
		expect(result.type === 'success' && result.data!.self).toBe(result.type === 'success' && result.data);
	});
});

describe('deserialize reads every result type', () => {
	test('a success without data (SvelteKit answers 204 with data "-1")', () => {
		expect(deserialize('{"type":"success","status":204,"data":"-1"}')).toEqual({ type: 'success', status: 204, data: undefined });
	});
	test('a result with no data key at all', () => {
		expect(deserialize('{"type":"success","status":204}')).toEqual({ type: 'success', status: 204 });
	});
	test('redirect', () => {
		expect(deserialize('{"type":"redirect","status":303,"location":"/done"}')).toEqual({ type: 'redirect', status: 303, location: '/done' });
	});
	test('error', () => {
		expect(deserialize('{"type":"error","error":{"message":"Boom"}}')).toEqual({ type: 'error', error: { message: 'Boom' } });
	});
	test('SvelteKit 3 results with a location', () => {
		const text = JSON.stringify({ type: 'failure', status: 422, data: devalue.stringify({ x: 1 }), location: '/login' });
		expect(deserialize(text)).toEqual({ type: 'failure', status: 422, data: { x: 1 }, location: '/login' });
	});
});

describe('custom types registered with configure({ transport })', () => {
	class Vector {
		constructor(readonly x: number, readonly y: number) {}
	}
	const transport = {
		Vector: {
			encode: (value: unknown) => value instanceof Vector && [value.x, value.y],
			decode: ([x, y]: [number, number]) => new Vector(x, y)
		}
	};

	test('decode to instances of the registered class', () => {
		configure({ transport });
		const data = devalue.stringify({ v: new Vector(1, 2) }, { Vector: transport.Vector.encode });
		const result = deserialize(JSON.stringify({ type: 'success', status: 200, data }));
		expect(result.type === 'success' && result.data!.v).toEqual(new Vector(1, 2));
		expect(result.type === 'success' && result.data!.v).toBeInstanceOf(Vector);
	});

	test('configure({ transport: undefined }) removes the registration', () => {
		configure({ transport });
		configure({ transport: undefined });
		const data = devalue.stringify({ v: new Vector(1, 2) }, { Vector: transport.Vector.encode });
		expect(() => deserialize(JSON.stringify({ type: 'success', status: 200, data }))).toThrow(/not valid devalue output/);
	});

	test('without the registration the payload is refused with a clear error', () => {
		const data = devalue.stringify({ v: new Vector(1, 2) }, { Vector: transport.Vector.encode });
		expect(() => deserialize(JSON.stringify({ type: 'success', status: 200, data }))).toThrow(/not valid devalue output/);
	});
});

describe('malformed input throws an Error saying what is wrong', () => {
	const cases: Array<[string, string, RegExp]> = [
		['HTML', '<!doctype html><p>Bad gateway</p>', /not JSON/],
		['an empty body', '', /not JSON/],
		['truncated JSON', '{"type":"success","status":200,"da', /not JSON/],
		['a JSON array', '[1,2]', /unknown "type"/],
		['JSON null', 'null', /expected an object/],
		['an unknown type', '{"type":"teapot","status":418}', /unknown "type" "teapot"/],
		['a redirect without location', '{"type":"redirect","status":303}', /redirect without "location"/],
		['a redirect whose location is no URL', '{"type":"redirect","status":303,"location":"http://[::1"}', /"location" is not a URL/],
		['a SvelteKit 3 location that is no URL', '{"type":"success","status":200,"location":"//[x"}', /"location" is not a URL/],
		['a location that is not a string', '{"type":"failure","status":400,"location":7}', /"location" is not a URL/],
		['a success without status', '{"type":"success","data":"-1"}', /numeric "status"/],
		['an error without error', '{"type":"error"}', /error without "error"/],
		['data that is not a string', '{"type":"success","status":200,"data":{"a":1}}', /"data" is not a string/],
		['invalid devalue data', '{"type":"success","status":200,"data":"[{\\"a\\":9}]"}', /not valid devalue output/],
		['truncated devalue data', '{"type":"success","status":200,"data":"[{\\"a\\":1},"}', /not valid devalue output/]
	];
	for (const [name, text, message] of cases) {
		test(name, () => {
			expect(() => deserialize(text)).toThrow(message);
			expect(() => deserialize(text)).toThrow(/^Not an action result/);
		});
	}
});

/** What `deserialize` throws for `text`: an `Error` of its own, never the engine's (a RangeError…). */
function refusal(text: string): Error {
	try {
		deserialize(text);
	} catch (error) {
		expect((error as Error).constructor).toBe(Error);
		expect((error as Error).message).toMatch(/^Not an action result: /);
		expect((error as Error).message).not.toMatch(/call stack|recursion|Cannot read/i);
		return error as Error;
	}
	throw new Error(`deserialize accepted ${text.slice(0, 80)}`);
}

const success = (data: string) => JSON.stringify({ type: 'success', status: 200, data });

describe('a body nested too deeply to parse is refused as such, never with the engine\'s stack overflow', () => {
	const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
	test.each([
		['a JSON body', `{"type":"success","status":200,"extra":${deep(1e5)}}`],
		['a "type" nested in arrays', `{"type":${deep(1e5)}}`],
		['an object nested in objects', `{"type":"error","error":${'{"a":'.repeat(1e5)}1${'}'.repeat(1e5)}}`]
	])('%s', (_, text) => {
		expect(refusal(text).message).toMatch(/nested too deeply/);
	});

	// devalue's references: each entry points at the next, 100,000 deep.
	const chain = (entry: (next: number) => unknown) => JSON.stringify([...Array.from({ length: 1e5 }, (_, i) => entry(i + 1)), 0]);
	test.each([
		['arrays', chain((next) => [next])],
		['objects', chain((next) => ({ a: next }))],
		['sets', chain((next) => ['Set', next])],
		['maps', chain((next) => ['Map', next, next])],
		['null-prototype objects', chain((next) => ['null', 'a', next])]
	])('devalue data: %s inside each other', (_, data) => {
		expect(refusal(success(data)).message).toMatch(/"data" is nested too deeply/);
	});

	test('devalue data that is itself deeply nested JSON', () => {
		refusal(success(deep(1e5)));
	});

	test('what a SvelteKit server sends nested a few hundred deep still deserializes', () => {
		let value: unknown = 'leaf';
		for (let i = 0; i < 500; i++) value = { a: [value] };
		const result = deserialize(success(devalue.stringify(value)));
		expect(result.type === 'success' && result.data).toEqual(value);
	});
});

describe('devalue data with an index devalue never writes is refused as invalid devalue data', () => {
	test.each([
		['its sparse marker as a property', '[{"a":-7}]'],
		['a negative index beyond its constants', '[{"a":-8}]'],
		['a large negative index', '[[-1000]]'],
		['a fractional index', '[{"a":0.5}]'],
		['a fractional index in an array', '[[1.5],1]'],
		['an index out of range', '[{"a":2},1]'],
		['its hole marker as a property', '[{"a":-2}]'],
		['its hole marker in a Set', '[["Set",-2]]'],
		['its hole marker as a Map value', '[["Map",1,-2],"k"]'],
		['its hole marker as a sparse array value', '[[-7,3,0,-2]]'],
		['its hole marker in a null-prototype object', '[["null","a",-2]]'],
		['a negative index in a null-prototype object', '[["null","a",-9]]'],
		['a boxed value of a negative index', '[["Object",-8]]'],
		['a string where an index goes', '[{"a":"0"}]'],
		['null where an index goes', '[[null]]']
	])('%s', (_, data) => {
		expect(refusal(success(data)).message).toMatch(/"data" is not valid devalue output/);
	});

	test("devalue's constants and holes are read as devalue writes them", () => {
		const data = devalue.stringify({ u: undefined, n: NaN, i: Infinity, m: -Infinity, z: -0, holes: [1, , 3] });
		const result = deserialize(success(data));
		expect(result.type === 'success' && result.data).toEqual({ u: undefined, n: NaN, i: Infinity, m: -Infinity, z: -0, holes: [1, , 3] });
	});
});
