import { DEV } from 'esm-env';
import type { Plug, RepeatPolicy } from '../types.js';

/**
 * What a form does when it is submitted again while an earlier submission is still going. Without
 * this plug, as SvelteKit: every submission is sent (and, beyond SvelteKit, a result older than
 * one already taken is discarded).
 * - `'abort'`: the newer request aborts the earlier one (silently); an earlier submission whose
 *   answer is in, its callback still running, applies nothing more. One whose submit function took
 *   longer than a newer one's is never sent.
 * - `'prevent'`: the newer submit is dropped: its submit function does not run, nothing is sent.
 *
 * ```svelte
 * <form method="POST" action="?/search" use:enhance={{ use: [repeat('abort')] }}>
 * ```
 */
export function repeat(policy: RepeatPolicy): Plug {
	if (DEV && policy !== 'abort' && policy !== 'prevent') {
		throw new Error(`repeat() takes 'abort' or 'prevent', not ${JSON.stringify(policy)} (leave the plug out to allow every submission).`);
	}
	return policy === 'prevent' ? prevent() : abort();
}

function prevent(): Plug {
	// Whatever started the earlier ones: a plug added while a submission goes counts it too.
	return { submit: (_, going) => (going > 0 ? false : undefined) };
}

function abort(): Plug {
	/** Per form: submissions numbered as made, the newest sent, and its controller while it goes. */
	const forms = new WeakMap<HTMLFormElement, { made: number; sent: number; going?: AbortController }>();
	const numbers = new WeakMap<AbortController, number>();
	const replaced = () => new DOMException('Replaced by a newer submission', 'AbortError');
	return {
		submit({ formElement, controller }) {
			const form = forms.get(formElement) ?? { made: 0, sent: 0 };
			forms.set(formElement, form);
			numbers.set(controller, ++form.made);
		},
		start({ formElement, controller }) {
			const form = forms.get(formElement)!;
			const n = numbers.get(controller)!;
			// An older submission whose submit function took longer is superseded before it is sent.
			if (n < form.sent) return void controller.abort(replaced());
			// The earlier one: its request stops, or, its answer in, it applies nothing more.
			form.going?.abort(replaced());
			form.going = controller;
			form.sent = n;
			return () => {
				if (form.going === controller) form.going = undefined;
			};
		}
	};
}
