import { screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { actionHandler } from 'svelte-form-actions/msw';
import { renderPage } from 'svelte-form-actions/testing';
import { expect, test } from 'vitest';
import { server } from '../../setup/msw.js';
import Page from './post/+page.svelte';

function setup() {
	const comments: string[] = [];
	let loads = 0;
	server.use(
		actionHandler('/posts/:slug', {
			comment: ({ formData, params }) => {
				comments.push(`${params.slug}: ${formData.get('text')}`);
				return { saved: formData.get('text') };
			}
		})
	);
	const load = () => (loads++, { comments: [...comments] });
	const rendered = renderPage(Page, { url: '/posts/hello', params: { slug: 'hello' }, data: load(), load });
	return { comments, loads: () => loads, user: userEvent.setup(), ...rendered };
}

test('$app/stores: $page has params, url and the form of each result', async () => {
	const { user, comments } = setup();
	expect(screen.getByRole('heading').textContent).toBe('Post hello (/posts/hello)');

	await user.type(screen.getByLabelText('Comment'), 'First!');
	await user.click(screen.getByRole('button', { name: 'Comment' }));
	expect(await screen.findByText('Saved “First!”')).toBeTruthy();
	expect(comments).toEqual(['hello: First!']);
});

test('a success runs invalidateAll: load runs again and data follows', async () => {
	const { user, loads } = setup();
	await user.type(screen.getByLabelText('Comment'), 'Hi');
	await user.click(screen.getByRole('button', { name: 'Comment' }));
	expect(await screen.findByText('1 comments')).toBeTruthy();
	expect(loads()).toBe(2);
});

test('$app/navigation: goto is recorded and moves page.url; invalidateAll runs load', async () => {
	const { user, navigations, loads } = setup();
	await user.click(screen.getByRole('button', { name: 'Back' }));
	expect(navigations.map((url) => url.pathname)).toEqual(['/posts']);
	expect(screen.getByRole('heading').textContent).toBe('Post hello (/posts)');
	expect(loads()).toBe(1);

	await user.click(screen.getByRole('button', { name: 'Refresh' }));
	expect(loads()).toBe(2);
});
