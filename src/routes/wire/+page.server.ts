import { error, fail, redirect } from '@sveltejs/kit';
import { faults } from './faults.js';
import { Money } from './money.js';
import type { Actions } from './$types';

/**
 * One action per kind of result, so that tests can compare this server's bytes with the MSW
 * kit's (tests/server/byte-identity.node.test.ts).
 */
export const actions = {
	data: async ({ request }) => {
		const form = await request.formData();
		const shared = { id: 1 };
		return {
			echo: String(form.get('text') ?? ''),
			at: new Date('2026-01-02T03:04:05.678Z'),
			tags: new Set(['a', 'b']),
			counts: new Map([['x', 1n]]),
			pattern: /a+b/gi,
			url: new URL('https://example.com/?q=1'),
			odd: [undefined, NaN, -0, Infinity],
			price: new Money(1999),
			a: shared,
			b: shared
		};
	},
	empty: () => {},
	invalid: async ({ request }) => fail(422, { text: String((await request.formData()).get('text')), at: new Date(0) }),
	bare: () => fail(409),
	away: () => redirect(307, 'https://example.com/elsewhere?x=1'),
	missing: () => error(404, 'No such thing'),
	locked: () => error(423, { message: 'Locked', code: 'LOCKED' } as App.Error),
	crash: () => {
		throw new Error('secret: the database password');
	},
	unserializable: () => ({ callback: () => 1 }),
	...faults
} satisfies Actions;
