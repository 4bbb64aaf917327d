import { error, fail } from '@sveltejs/kit';
import type { Actions } from './$types';

// The DOM-clobbering proof (tests/e2e/clobber.e2e.ts): one action per kind of result.
export const actions = {
	succeed: async () => ({ message: 'Saved' }),
	fail: async () => fail(400, { message: 'Fix the note', invalid: true }),
	break: async () => {
		error(500, 'Broken on purpose');
	}
} satisfies Actions;
