// svelteKitTesting() hands SvelteKit's predicates to actionHandler: in a SvelteKit project, mocked
// actions copied from a +page.server.ts may keep SvelteKit's own fail, redirect and error.
import { error, fail, redirect } from '@sveltejs/kit';
import { actionHandler } from 'svelte-form-actions/msw';
import { expect, test } from 'vitest';
import { server } from '../../setup/msw.js';

function post(action: string) {
	return fetch(new URL(`/things?/${action}`, location.href), {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
}

test("in a SvelteKit project, actionHandler recognises SvelteKit's own fail, redirect and error without being given kit", async () => {
	server.use(
		actionHandler('/things', {
			failing: () => fail(400, { email: 'x' }),
			moving: () => redirect(307, '/elsewhere'),
			missing: () => error(404, 'Gone')
		})
	);
	expect(await (await post('failing')).text()).toBe('{"type":"failure","status":400,"data":"[{\\"email\\":1},\\"x\\"]"}');
	expect(await (await post('moving')).text()).toBe('{"type":"redirect","status":307,"location":"/elsewhere"}');
	const missing = await post('missing');
	expect([missing.status, await missing.text()]).toEqual([404, '{"type":"error","error":{"message":"Gone"}}']);
});
