const wrapped = new WeakSet<typeof fetch>();
let NodeFormData: typeof FormData | undefined;

/**
 * Node's `fetch` cannot read jsdom's `FormData` and `File`: a multipart form would arrive as the
 * text "[object FormData]", or with empty files. Wraps `fetch` so that such a body is rebuilt as
 * Node's own `FormData`, each file with the same name, type and bytes. Idempotent.
 */
export function withNodeFiles(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
	if (wrapped.has(fetch)) return fetch;
	const wrapper: typeof globalThis.fetch = async (input, init) => {
		const form = init?.body;
		if (form instanceof FormData && form.constructor !== (NodeFormData ??= await nodeFormData())) {
			const body = new NodeFormData();
			for (const [name, value] of form) {
				if (typeof value === 'string') body.append(name, value);
				else body.append(name, await toNodeFile(value), value.name);
			}
			init = { ...init, body };
		}
		return fetch(input, init);
	};
	wrapped.add(wrapper);
	return wrapper;
}

/** Node's own FormData (jsdom replaces the global one): the one `Response` creates. */
async function nodeFormData(): Promise<typeof FormData> {
	const form = await new Response(new URLSearchParams()).formData();
	return form.constructor as typeof FormData;
}

async function toNodeFile(file: File): Promise<File> {
	// Reached through `process`, not imported: this module must load in a browser too.
	const { File: NodeFile } = process.getBuiltinModule('node:buffer') as typeof import('node:buffer');
	const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(reader.result as ArrayBuffer);
		reader.onerror = () => reject(reader.error);
		reader.readAsArrayBuffer(file);
	});
	return new NodeFile([new Uint8Array(bytes)], file.name, { type: file.type, lastModified: file.lastModified }) as unknown as File;
}
