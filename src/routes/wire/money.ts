/** A custom type, to show that `transport` types cross the wire (SvelteKit's hook, the library's `configure`). */
export class Money {
	constructor(readonly cents: number) {}
	toString() {
		return `€${(this.cents / 100).toFixed(2)}`;
	}
}

/** SvelteKit's `transport` hook object; `configure({ transport })` takes the same one. */
export const transport = {
	Money: {
		encode: (value: unknown) => value instanceof Money && value.cents,
		decode: (cents: number) => new Money(cents)
	}
};
