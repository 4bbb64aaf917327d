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
		const body = init?.body;
		if (body instanceof FormData) init = { ...init, body: await toNodeFormData(body) };
		return fetch(input, init);
	};
	wrapped.add(wrapper);
	return wrapper;
}

const wrappedXhr = new WeakSet<typeof XMLHttpRequest>();

/**
 * The same fix for `XMLHttpRequest` (which `uploadProgress()` posts with): MSW's interceptor
 * turns the body into a `Request` the moment `send` is called, so `send(formData)` is delayed
 * until the body is rebuilt as Node's own `FormData` (an `abort()` meanwhile sends nothing).
 * Every other property and method is the request's own. Idempotent.
 */
export function withNodeFilesXhr(XHR: typeof XMLHttpRequest): typeof XMLHttpRequest {
	if (wrappedXhr.has(XHR)) return XHR;
	const wrapper = new Proxy(XHR, {
		construct(target, args) {
			const xhr: XMLHttpRequest = Reflect.construct(target, args);
			let aborted = false;
			const send = (body?: Document | XMLHttpRequestBodyInit | null) => {
				if (!(body instanceof FormData)) return xhr.send(body);
				void toNodeFormData(body).then((nodeBody) => aborted || xhr.send(nodeBody));
			};
			const abort = () => {
				aborted = true;
				xhr.abort();
			};
			return new Proxy(xhr, {
				get(xhr, name) {
					if (name === 'send') return send;
					if (name === 'abort') return abort;
					const value = Reflect.get(xhr, name);
					return typeof value === 'function' ? value.bind(xhr) : value;
				},
				set: (xhr, name, value) => Reflect.set(xhr, name, value)
			});
		}
	});
	wrappedXhr.add(wrapper);
	return wrapper;
}

/** `form` as Node's own `FormData` (itself, if it is one), each file with the same name, type and bytes. */
async function toNodeFormData(form: FormData): Promise<FormData> {
	if (form.constructor === (NodeFormData ??= await nodeFormData())) return form;
	const body = new NodeFormData();
	for (const [name, value] of form) {
		if (typeof value === 'string') body.append(name, value);
		else body.append(name, await toNodeFile(value), value.name);
	}
	return body;
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
