import type { beforeNavigate } from '$app/navigation';
import type { Attachment } from 'svelte/attachments';
import { describe, expectTypeOf, test } from 'vitest';
import { unsaved, uploadProgress } from '../../src/lib/index.js';
import type { Config, EnhanceOptions, Plug } from '../../src/lib/index.js';

describe('uploadProgress()', () => {
	test('its fetch is a fetch, for the fetch option; sent and total are numbers', () => {
		const upload = uploadProgress();
		expectTypeOf(upload.fetch).toEqualTypeOf<typeof fetch>();
		expectTypeOf({ fetch: upload.fetch }).toExtend<EnhanceOptions>();
		expectTypeOf(upload).toExtend<Plug>();
		expectTypeOf({ use: [upload] }).toExtend<EnhanceOptions>();
		expectTypeOf(upload.sent).toEqualTypeOf<number>();
		expectTypeOf(upload.total).toEqualTypeOf<number>();
	});
});

describe('unsaved()', () => {
	test('a plug for use,  a form attachment, a reactive dirty flag', () => {
		const edits = unsaved({ key: 'post', exclude: ['ssn'] });
		expectTypeOf(edits).toExtend<Plug>();
		expectTypeOf({ use: [edits] }).toExtend<EnhanceOptions<{ saved: string }, { missing: boolean }>>();
		expectTypeOf(edits.track).toEqualTypeOf<Attachment<HTMLFormElement>>();
		expectTypeOf(edits.dirty).toEqualTypeOf<boolean>();
	});

	test("SvelteKit's beforeNavigate fits configure({ beforeNavigate })", () => {
		expectTypeOf<typeof beforeNavigate>().toExtend<NonNullable<Config['beforeNavigate']>>();
	});
});
