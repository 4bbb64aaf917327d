/** The floor's target: a `$state.raw` field, like `page.form`, so both pay for reactivity. */
export class Holder {
	form = $state.raw(null);
}

/**
 * Calls `onChange(value)` from an effect each time `read()` gives a new non-null value: the
 * moment the UI would re-render with it. Returns the function that stops watching.
 * @param {() => unknown} read
 * @param {(value: unknown) => void} onChange
 */
export function watch(read, onChange) {
	let last = read();
	return $effect.root(() => {
		$effect(() => {
			const value = read();
			if (value !== null && value !== last) onChange(value);
			last = value;
		});
	});
}
