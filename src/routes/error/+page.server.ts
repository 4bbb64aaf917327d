import { error } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async () => {
		// Not a validation failure (`fail`) but an error: the page's error boundary shows it.
		error(503, 'The report service is down, try again later');
	}
} satisfies Actions;
