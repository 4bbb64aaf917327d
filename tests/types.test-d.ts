import type { ActionResult as KitActionResult, SubmitFunction as KitSubmitFunction } from '@sveltejs/kit';
import type { Attachment } from 'svelte/attachments';
import { describe, expectTypeOf, test } from 'vitest';
import { announce, applyAction, configure, deserialize, enhance, enhancement, focusInvalid, formResult, page, repeat, submission, timeout, uploadProgress } from '../src/lib/index.js';
import type { ActionResult, Config, EnhanceOptions, Plug, RepeatPolicy, SubmitFunction, SubmitInput } from '../src/lib/index.js';
import { sveltekit } from '../src/lib/sveltekit/index.js';
import { formActionsDev, type DevHandler } from '../src/lib/vite/dev.js';
import type { Plugin } from 'vite';

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
				expectTypeOf(update).parameter(0).toEqualTypeOf<{ reset?: boolean; refreshAll?: boolean; invalidateAll?: boolean; navigate?: boolean } | undefined>();
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

describe('beyond SvelteKit', () => {
	test('submission<Success, Failure>() is typed, read-only state', () => {
		const save = submission<Success, Failure>({ delay: 300, timeout: 5000 });
		expectTypeOf(save.submitting).toEqualTypeOf<boolean>();
		expectTypeOf(save.delayed).toEqualTypeOf<boolean>();
		expectTypeOf(save.timedOut).toEqualTypeOf<boolean>();
		expectTypeOf(save.formData).toEqualTypeOf<FormData | null>();
		expectTypeOf(save.result).toEqualTypeOf<ActionResult<Success, Failure> | null>();
		expectTypeOf(save).toExtend<Plug<Success, Failure>>();
		// @ts-expect-error only the library writes it
		save.submitting = true;
	});

	test('the enhance options', () => {
		expectTypeOf<RepeatPolicy>().toEqualTypeOf<'abort' | 'prevent'>();
		const options: EnhanceOptions<Success, Failure> = {
			use: [
				repeat('abort'),
				timeout(10_000),
				submission<Success, Failure>(),
				focusInvalid(),
				announce<Success, Failure>((result) => {
					expectTypeOf(result).toEqualTypeOf<ActionResult<Success, Failure>>();
					return result.type === 'failure' && result.data?.missing && 'The email is missing';
				})
			]
		};
		expectTypeOf(enhance<Success, Failure>).toBeCallableWith({} as HTMLFormElement, options);
		// @ts-expect-error not a policy
		repeat('sometimes');
		// @ts-expect-error the factory itself is not a plug: call it
		const uncalled: EnhanceOptions = { use: [focusInvalid] };
		// @ts-expect-error 0.1's options are plugs now
		const old: EnhanceOptions = { repeat: 'abort' };
		void [uncalled, old];
	});

	test('a plug: its hooks and what they return are typed', () => {
		expectTypeOf<Plug<Success, Failure>['submit']>().toEqualTypeOf<
			((input: SubmitInput, going: number) => false | void | ((result?: ActionResult<Success, Failure>) => unknown)) | undefined
		>();
		expectTypeOf<Plug<Success, Failure>['start']>().toEqualTypeOf<
			((input: SubmitInput) => void | ((result: ActionResult<Success, Failure> | undefined) => unknown)) | undefined
		>();
		expectTypeOf<Plug['fetch']>().toEqualTypeOf<typeof fetch | undefined>();
		// An app's own plug: a minimum pending time, typed by the shape alone.
		const minimum: Plug = { start: () => () => new Promise((resolve) => setTimeout(resolve, 300)) };
		expectTypeOf({ use: [minimum, uploadProgress()] }).toExtend<EnhanceOptions>();
	});

	test('enhancement() is an attachment for forms, its options from a function', () => {
		expectTypeOf(enhancement(() => ({ use: [repeat('prevent')] }))).toEqualTypeOf<Attachment<HTMLFormElement>>();
		expectTypeOf(enhancement<Success, Failure>).parameter(0).toEqualTypeOf<
			(() => SubmitFunction<Success, Failure> | EnhanceOptions<Success, Failure>) | undefined
		>();
	});
});

test("formResult keeps the type of SvelteKit's form prop", () => {
	type ActionData = { missing: true } | { greeted: string } | null;
	expectTypeOf(formResult(null as ActionData)).toEqualTypeOf<ActionData>();
});

test('the sveltekit option set is a configure option set', () => {
	expectTypeOf(sveltekit).toExtend<Partial<Config>>();
	expectTypeOf(configure).toBeCallableWith(sveltekit);
});

test('formActionsDev is a Vite plugin whose entry exports a Fetch handler', () => {
	expectTypeOf(formActionsDev({ entry: '/src/dev.ts', scripts: { '/client.js': '/src/client.ts' } })).toEqualTypeOf<Plugin>();
	// @ts-expect-error the entry is required
	formActionsDev({});
	expectTypeOf<(request: Request) => Promise<Response | undefined>>().toExtend<DevHandler>();
	expectTypeOf<(request: Request) => Response>().toExtend<DevHandler>();
	expectTypeOf<(request: Request) => string>().not.toExtend<DevHandler>();
});
