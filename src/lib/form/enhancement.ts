import { fromAction, type Attachment } from 'svelte/attachments';
import { enhance } from './enhance.js';
import type { EnhanceOptions, SubmitFunction } from '../types.js';

/**
 * `enhance` as a Svelte 5 attachment. The options come from a function, read reactively: when
 * state it reads changes, the form gets the new options in place (its listener, submissions
 * under way and their order stay), as `use:enhance`'s `update` does.
 *
 * ```svelte
 * <form method="POST" {@attach enhancement(() => ({ use: [save, repeat('abort')] }))}>
 * ```
 */
export function enhancement<
	Success extends Record<string, unknown> | undefined = Record<string, any>,
	Failure extends Record<string, unknown> | undefined = Record<string, any>
>(
	options: () => SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure> = () => ({})
): Attachment<HTMLFormElement> {
	return fromAction(enhance<Success, Failure>, options);
}
