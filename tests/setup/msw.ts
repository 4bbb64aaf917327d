import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One MSW server for every test file; tests add their handlers with `server.use(...)`. */
export const server = setupServer();

beforeAll(() => {
	server.listen({ onUnhandledRequest: 'error' });
	// After `listen`, so that MSW sees the converted body.
	globalThis.fetch = withNodeFiles(globalThis.fetch);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * Node's fetch cannot read jsdom's `File` objects: a multipart body would arrive with empty
 * files. Re-create each file as a Node `File` with the same name, type and bytes.
 */
function withNodeFiles(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
	return async (input, init) => {
		if (init?.body instanceof FormData) {
			const body = new (await nodeFormData())();
			for (const [name, value] of init.body) {
				if (typeof value === 'string') body.append(name, value);
				else body.append(name, await toNodeFile(value), value.name);
			}
			init = { ...init, body };
		}
		return fetch(input, init);
	};
}

/** Node's own FormData (jsdom's replaces the global one): the one `Response` creates. */
async function nodeFormData(): Promise<typeof FormData> {
	const form = await new Response(new URLSearchParams()).formData();
	return form.constructor as typeof FormData;
}

async function toNodeFile(file: File) {
	const { File: NodeFile } = await import('node:buffer');
	const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(reader.result as ArrayBuffer);
		reader.onerror = () => reject(reader.error);
		reader.readAsArrayBuffer(file);
	});
	return new NodeFile([new Uint8Array(bytes)], file.name, { type: file.type, lastModified: file.lastModified }) as unknown as File;
}
