import * as devalue from 'devalue';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { deserialize } from '../../src/lib/index.js';

/**
 * Property: random devalue-like payloads (devalue's flat array of entries, whose references are
 * indexes of that array or its constants) either decode to exactly what devalue itself makes of
 * them, when every index is one devalue could have written, or are refused with our `Error`
 * saying the data is invalid: never an engine's TypeError or RangeError, never a half-parsed
 * result.
 */

/** Indexes devalue writes and ones it never writes: its constants, the sparse marker, beyond, fractions. */
const index = fc.oneof(fc.integer({ min: -9, max: 8 }), fc.constantFrom(-0.5, 0.5, 1.5, -7, -2, 1000, -1000));
const refs = fc.array(index, { maxLength: 4 });
const key = fc.constantFrom('a', 'b', 'c');

/** One entry of the flat array, in each shape devalue writes. */
const entry = fc.oneof(
	fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
	refs,
	fc.dictionary(key, index, { maxKeys: 3 }),
	refs.map((r) => ['Set', ...r]),
	fc.array(fc.tuple(index, index), { maxLength: 2 }).map((pairs) => ['Map', ...pairs.flat()]),
	fc.array(fc.tuple(key, index), { maxLength: 2 }).map((pairs) => ['null', ...pairs.flat()]),
	fc.array(fc.tuple(fc.integer({ min: -1, max: 4 }), index), { maxLength: 2 }).map((pairs) => [-7, 4, ...pairs.flat()]),
	fc.constantFrom(['Date', '2024-01-02T03:04:05.000Z'], ['BigInt', '12'], ['RegExp', 'a+', 'g'], ['URL', 'https://a.example/'])
);

/**
 * The reference rule, written out on its own: where devalue reads indexes, and which it writes
 * (an index past the end devalue refuses itself, when it reaches it).
 */
function writable(values: unknown[]): boolean {
	const ok = (n: unknown, hole = false) => typeof n === 'number' && Number.isInteger(n) && n >= -6 && (hole || n !== -2);
	return values.every((value) => {
		if (!Array.isArray(value)) return value === null || typeof value !== 'object' || Object.values(value).every((n) => ok(n));
		if (value[0] === 'Set' || value[0] === 'Map') return value.slice(1).every((n) => ok(n));
		if (value[0] === 'null') return value.every((n, i) => i === 0 || i % 2 === 1 || ok(n));
		// A sparse array: its length and positions are integers too (devalue checks their range).
		if (value[0] === -7) return value.every((n, i) => i === 0 || ok(n));
		if (typeof value[0] === 'string') return true;
		return value.every((n) => ok(n, true));
	});
}

test('random devalue payloads decode as devalue decodes them, or are refused with a clear Error', () => {
	fc.assert(
		fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (values) => {
			const data = JSON.stringify(values);
			let expected: { value?: unknown; threw: boolean } = { threw: true };
			if (writable(values)) {
				try {
					expected = { value: devalue.parse(data), threw: false };
				} catch {}
			}
			let actual: unknown;
			try {
				actual = deserialize(JSON.stringify({ type: 'success', status: 200, data }));
			} catch (error) {
				expect(expected.threw, `refused ${data}: ${(error as Error).message}`).toBe(true);
				expect((error as Error).constructor).toBe(Error);
				expect((error as Error).message).toMatch(/^Not an action result: "data" is not valid devalue output/);
				expect((error as Error).message).not.toMatch(/call stack|Cannot read|is not a function/i);
				return;
			}
			expect(expected.threw, `accepted ${data}`).toBe(false);
			expect(actual).toEqual({ type: 'success', status: 200, data: expected.value });
		}),
		{ seed: 22, numRuns: 2000 }
	);
});
