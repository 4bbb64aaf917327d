import { createHash } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request }) => {
		const data = await request.formData();
		const caption = String(data.get('caption') ?? '');
		// An empty file input still sends one nameless, empty file.
		const files = data.getAll('files').filter((file): file is File => file instanceof File && file.name !== '');
		if (files.length === 0) return fail(400, { caption, missing: true });
		return { caption, files: await Promise.all(files.map(describe)) };
	}
} satisfies Actions;

/** What the server received: enough to tell that every byte arrived. */
async function describe(file: File) {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	return { name: file.name, type: file.type || 'no type', size: file.size, sha256: sha256.slice(0, 16) };
}
