/**
 * DOM reads that markup cannot fool. A form's controls shadow its properties by name
 * (`<input name="closest">` makes `form.closest` that input), and `<img name="querySelector">`
 * does the same to `document`: DOM clobbering. Named properties live on the object itself, so
 * looking the property up on its prototype, with the object as receiver, always finds what the
 * DOM defines, for any property of any node.
 */
export function read<T extends object, K extends keyof T>(node: T, name: K): T[K] {
	return Reflect.get(Object.getPrototypeOf(node), name, node);
}

/** Calls the DOM's `node[name](...args)`, never a control or an element named `name`. */
export function call<T extends object, K extends keyof T>(
	node: T,
	name: K,
	...args: T[K] extends (...args: infer A) => unknown ? A : never
): T[K] extends (...args: any[]) => infer R ? R : never {
	return (read(node, name) as (...args: unknown[]) => any).apply(node, args);
}
