import { fail } from '@sveltejs/kit';

/** An app's own class, named as SvelteKit's is: never an outcome, on either server. */
class HttpError {
	constructor(
		readonly status: number,
		readonly body: object
	) {}
}

/**
 * Actions that misbehave, so that tests/server/byte-identity.node.test.ts compares what SvelteKit's
 * server answers for them with what ours does.
 */
export const faults = {
	fail600: () => fail(600),
	fail0: () => fail(0),
	failNaN: () => fail(NaN),
	failMinus1: () => fail(-1),
	lookalike: () => {
		throw new HttpError(0, { message: 'secret: upstream token' });
	},
	throwNull: () => {
		throw null;
	},
	throwUndefined: () => {
		throw undefined;
	},
	throwString: () => {
		throw 'secret: a string';
	},
	constructorGetter: () => {
		throw Object.defineProperty({}, 'constructor', {
			get() {
				throw new Error('secret: constructor');
			}
		});
	}
};
