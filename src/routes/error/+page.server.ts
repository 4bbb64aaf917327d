import { error, fail } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request }) => {
		const report = String((await request.formData()).get('report') ?? '');
		// A validation failure (`fail`): the form shows it.
		if (!report.trim()) return fail(400, { missing: true });
		// Not a failure but an error: the page's error boundary shows it.
		error(503, 'The report service is down, try again later');
	}
} satisfies Actions;
