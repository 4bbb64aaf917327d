// Type tests for the remote-function handlers: typed from the remote function itself, as
// SvelteKit types it (`RemoteQueryFunction`, `RemoteCommand`, `RemoteForm`).
import type { RemoteCommand, RemoteForm, RemoteLiveQueryFunction, RemoteQueryFunction } from '@sveltejs/kit';
import type { HttpHandler } from 'msw';
import { expectTypeOf } from 'vitest';
import { commandHandler, formHandler, queryBatchHandler, queryHandler, queryLiveHandler } from '../../src/lib/testing/msw/index.js';

type Post = { id: string; title: string };
declare const getPost: RemoteQueryFunction<string, Post>;
declare const getPosts: RemoteQueryFunction<void, Post[]>;
declare const addLike: RemoteCommand<string, number>;
declare const createPost: RemoteForm<{ title: string; body: string }, { id: string }>;

const post = queryHandler(getPost, (id) => {
	expectTypeOf(id).toEqualTypeOf<string>();
	return { id, title: 'A' };
});
expectTypeOf(post).toExtend<HttpHandler>();
expectTypeOf(post.calls).toEqualTypeOf<string[]>();
// @ts-expect-error: a post, not a number.
queryHandler(getPost, () => 5);
// A query's error() or redirect() never returns: fine where a value is expected.
queryHandler(getPosts, () => {
	throw new Error('down');
});

expectTypeOf(queryBatchHandler(getPost, (ids) => (id) => ({ id, title: ids.join() })).calls).toEqualTypeOf<string[][]>();

commandHandler(addLike, (id, { refresh, requested }) => {
	expectTypeOf(id).toEqualTypeOf<string>();
	expectTypeOf(requested(getPost)).toEqualTypeOf<string[]>();
	refresh(getPost, id, { id, title: 'A' });
	refresh(getPosts, []);
	// @ts-expect-error: getPost's value is a post.
	refresh(getPost, id, 5);
	return 3;
});
// @ts-expect-error: the command answers a number.
commandHandler(addLike, () => 'three');

const created = formHandler(createPost, (data, issue) => {
	expectTypeOf(data.title).toEqualTypeOf<string>();
	expectTypeOf(issue.title('Taken')).toEqualTypeOf<{ message: string; path: (string | number)[] }>();
	return { id: '4' };
});
expectTypeOf(created.calls[0].body).toEqualTypeOf<string>();
// @ts-expect-error: the form's result has an id.
formHandler(createPost, () => ({ name: 'x' }));

declare const countdown: RemoteLiveQueryFunction<number, number>;
expectTypeOf(
	queryLiveHandler(countdown, async function* (from) {
		expectTypeOf(from).toEqualTypeOf<number>();
		yield from;
	}).calls
).toEqualTypeOf<number[]>();
// @ts-expect-error: the countdown yields numbers.
queryLiveHandler(countdown, async function* () {
	yield 'three';
});
