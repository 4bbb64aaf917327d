import * as devalue from 'devalue';
import { errorText } from './error-text.js';
import { decode, revivers } from './transport.js';
import type { ActionResult } from '../types.js';

/**
 * Parses the body of an action response: JSON, with `data` decoded by devalue (so `Date`,
 * `BigInt`, `Map`, `Set`, custom `transport` types… survive; inside SvelteKit, once the app
 * called `configure(sveltekit)`, the types of its `transport` hook). Throws an `Error` that says what
 * is wrong with malformed input; never returns a half-parsed result.
 *
 * ```js
 * const response = await fetch('/login?/login', { method: 'POST', body: new FormData(form),
 *   headers: { 'x-sveltekit-action': 'true' } });
 * const result = deserialize(await response.text());
 * ```
 */
export function deserialize<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
>(text: string): ActionResult<Success, Failure> {
	let result;
	let proto = false;
	try {
		// JSON.parse makes `__proto__` an own key, harmless until someone merges the result into
		// another object (`Object.assign`, a deep merge): refused, as devalue refuses it in `data`.
		result = JSON.parse(text, (key, value) => ((proto ||= key === '__proto__'), value));
	} catch (error) {
		throw malformed('the body', 'is not JSON', error);
	}
	const problem = proto ? 'a "__proto__" key' : shapeProblem(result);
	if (problem) throw new Error(`Not an action result: ${problem}`);

	if (result.data !== undefined) {
		try {
			const values = JSON.parse(result.data);
			checkIndexes(values);
			// Inside SvelteKit (`configure(sveltekit)`), its decoding: the app's `transport` hook.
			result.data = decode ? decode(result.data) : devalue.unflatten(values, revivers);
		} catch (error) {
			throw malformed('"data"', 'is not valid devalue output', error);
		}
	}
	return result;
}

/**
 * Throws unless every number inside devalue's entries is one devalue writes: indexes, which are
 * integers from -6 (its constants: -1 undefined … -6 -0, and -2 a hole, only in a plain array),
 * and the integers of sparse arrays (led by -7) and typed arrays. devalue itself reads any other
 * index as `undefined`, a half-parsed result; an index past the end it refuses itself.
 */
function checkIndexes(values: unknown): void {
	if (!Array.isArray(values)) return;
	for (const value of values) {
		if (!value || typeof value != 'object') continue;
		const array = Array.isArray(value);
		const sparse = array && value[0] === -7;
		// A tagged entry ('Set', 'Map', 'null'…) and an object hold no holes; a sparse array holds
		// its length and positions after the -7, plain integers.
		const holes = array && !sparse && typeof value[0] != 'string';
		// An indexed loop, not `for…in`: a 100 KB result has thousands of entries. (`+sparse`: skip the -7.)
		const items: unknown[] = array ? value : Object.values(value);
		for (let i = +sparse; i < items.length; i++) {
			const n = items[i];
			if (typeof n == 'number' && !(Number.isInteger(n) && n >= -6 && (n != -2 || holes))) throw new Error('an invalid index');
		}
	}
}

/**
 * The error for a body or `data` that does not parse, saying why; the engine's stack overflow
 * (a body nested thousands deep: JSON.parse's reviver and devalue recurse) in words a user reads.
 * `errorText`: a custom type's decoder is app code and may throw anything.
 */
function malformed(what: string, problem: string, error: unknown): Error {
	return new Error(`Not an action result: ${what} ${overflowed(error) ? 'is nested too deeply' : `${problem} (${clip(errorText(error))})`}`);
}

/**
 * Whether `error` is the engine's stack overflow: compared with one made on purpose, since each
 * engine has its own class and words for it (V8's RangeError, Firefox's InternalError).
 */
function overflowed(error: unknown): boolean {
	const overflow = (): unknown => {
		try {
			return overflow();
		} catch (error) {
			return error;
		}
	};
	return error instanceof Error && error.message === (overflow() as Error).message;
}

/** Says what is wrong with the shape of a parsed body, or nothing when it is a result. */
function shapeProblem(result: any): string | undefined {
	if (typeof result !== 'object' || result === null) return 'expected an object';
	const { type } = result;
	if (!['success', 'failure', 'redirect', 'error'].includes(type)) return `unknown "type" ${clip(String(type && typeof type == 'object' ? 'object' : JSON.stringify(type)))}`;
	const { location } = result;
	if (type === 'redirect' && typeof location !== 'string') return 'a redirect without "location"';
	// A bad `location` would throw later, while the result is applied.
	if (location !== undefined && !isURL(location)) return '"location" is not a URL';
	// `null` too: an error result that sets `page.error` to null would show nothing at all.
	if (type === 'error') return result.error == null ? 'an error without "error"' : undefined;
	if (typeof result.status !== 'number') return `a ${type} without a numeric "status"`;
	if (result.data !== undefined && typeof result.data !== 'string') return '"data" is not a string';
}

/**
 * Whether `location` is a URL against any page: `"http:"` is one on an http page (the page's
 * own origin) but none on an https page, so it must parse against both.
 */
function isURL(location: unknown): boolean {
	try {
		return typeof location === 'string' && !!new URL(location, 'http://a') && !!new URL(location, 'https://a');
	} catch {
		return false;
	}
}

/** What the server sent, quoted in a message: never more than 80 characters of it. */
function clip(text: string): string {
	return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
