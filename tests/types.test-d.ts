import type { ActionResult as KitActionResult, SubmitFunction as KitSubmitFunction } from '@sveltejs/kit';
import { describe, expectTypeOf, test } from 'vitest';
import { applyAction, configure, deserialize, enhance, page } from '../src/lib/index.js';
import type { ActionResult, EnhanceOptions, SubmitFunction } from '../src/lib/index.js';

type Success = { welcome: string };
type Failure = { email: string; missing?: boolean };

describe('ActionResult<Success, Failure>', () => {
	test('narrows data by type', () => {
		const result = {} as ActionResult<Success, Failure>;
		if (result.type === 'success') expectTypeOf(result.data).toEqualTypeOf<Success | undefined>();
		if (result.type === 'failure') expectTypeOf(result.data).toEqualTypeOf<Failure | undefined>();
		if (result.type === 'redirect') expectTypeOf(result.location).toEqualTypeOf<string>();
		if (result.type === 'error') expectTypeOf(result.status).toEqualTypeOf<number | undefined>();
	});

	test("SvelteKit's results are ours: a user swaps the import and nothing else", () => {
		expectTypeOf<KitActionResult<Success, Failure>>().toExtend<ActionResult<Success, Failure>>();
		expectTypeOf<ActionResult<Success, Failure>>().toExtend<KitActionResult<Success, Failure>>();
		expectTypeOf<ActionResult>().toExtend<KitActionResult>();
	});

	test('defaults to records of anything', () => {
		expectTypeOf<ActionResult>().toEqualTypeOf<ActionResult<Record<string, any>, Record<string, any>>>();
	});
});

describe('SubmitFunction<Success, Failure>', () => {
	test('the input and the callback are typed', () => {
		const submit: SubmitFunction<Success, Failure> = ({ action, formData, formElement, controller, submitter, cancel }) => {
			expectTypeOf(action).toEqualTypeOf<URL>();
			expectTypeOf(formData).toEqualTypeOf<FormData>();
			expectTypeOf(formElement).toEqualTypeOf<HTMLFormElement>();
			expectTypeOf(controller).toEqualTypeOf<AbortController>();
			expectTypeOf(submitter).toEqualTypeOf<HTMLElement | null>();
			expectTypeOf(cancel).toEqualTypeOf<() => void>();
			return async ({ result, update }) => {
				expectTypeOf(result).toEqualTypeOf<ActionResult<Success, Failure>>();
				expectTypeOf(update).parameter(0).toEqualTypeOf<{ reset?: boolean; invalidateAll?: boolean; refreshAll?: boolean } | undefined>();
				await update({ reset: false, invalidateAll: false });
			};
		};
		expectTypeOf(submit).toBeFunction();
	});

	test('a SvelteKit SubmitFunction is accepted by our enhance', () => {
		const kit = {} as KitSubmitFunction<Success, Failure>;
		expectTypeOf(kit).toExtend<SubmitFunction<Success, Failure>>();
		expectTypeOf(enhance<Success, Failure>).parameter(1).toExtend<SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure> | undefined>();
	});
});

test('functions', () => {
	expectTypeOf(applyAction).returns.toEqualTypeOf<Promise<void>>();
	expectTypeOf(deserialize<Success, Failure>).returns.toEqualTypeOf<ActionResult<Success, Failure>>();
	expectTypeOf(configure).parameter(0).toHaveProperty('goto');
	expectTypeOf(enhance).returns.toHaveProperty('destroy');
	expectTypeOf(enhance).returns.toHaveProperty('update');
});

test('page is read-only', () => {
	expectTypeOf(page.status).toEqualTypeOf<number>();
	// @ts-expect-error only the library writes page state
	page.status = 500;
});
