import { tick } from 'svelte';
import { call } from '../form/dom.js';
import type { Plug } from '../types.js';

/**
 * After a failure, moves focus to the form's first field marked `aria-invalid="true"`, so
 * keyboard and screen reader users land on what to fix. Opt in per form:
 * `use:enhance={{ use: [focusInvalid()] }}`. Successes and errors leave focus as
 * `applyAction` sets it.
 */
export function focusInvalid(): Plug {
	return {
		start: ({ formElement }) =>
			async (result) => {
				if (result?.type !== 'failure') return;
				// The result was applied; the markup that marks fields invalid renders on the next tick.
				await tick();
				// Through `dom.js`: a field named `querySelector` would shadow the form's.
				const invalid = call(formElement, 'querySelector', '[aria-invalid="true"]') as HTMLElement | null;
				if (invalid) call(invalid, 'focus');
			}
	};
}
