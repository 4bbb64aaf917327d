/**
 * Under jsdom, `Request` is Node's: `request.formData()` gives Node's `FormData` and `File`, so a
 * mocked action (or the app's own action code, or superforms' `superValidate(request)`) that
 * checks `value instanceof File` against jsdom's `File` gets `false`. Makes `formData()` of
 * requests give the environment's own `FormData` and `File`, bytes, names and types kept.
 * Idempotent; where the classes are already the environment's, nothing changes.
 */
export function withJsdomFiles(): void {
	let proto: any = Request.prototype;
	while (proto && !Object.hasOwn(proto, 'formData')) proto = Object.getPrototypeOf(proto);
	if (!proto || proto.formData[converted]) return;
	const read: () => Promise<FormData> = proto.formData;
	const formData = async function (this: Request): Promise<FormData> {
		const form: FormData = await read.call(this);
		if (form instanceof FormData) return form;
		const own = new FormData();
		for (const [name, value] of form as Iterable<[string, FormDataEntryValue]>) {
			if (typeof value === 'string') own.append(name, value);
			else own.append(name, new File([await value.arrayBuffer()], value.name, { type: value.type, lastModified: value.lastModified }));
		}
		return own;
	};
	Object.defineProperty(formData, converted, { value: true });
	proto.formData = formData;
}

const converted = Symbol('svelte-form-actions: environment files');
