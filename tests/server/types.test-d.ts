import { describe, expectTypeOf, test } from 'vitest';
import type { CorsOptions, FormActionsOptions } from '../../src/lib/server/index.js';

describe("formActions' cors option", () => {
	test('is a list of origins, or the origins with credentials', () => {
		expectTypeOf<readonly string[]>().toExtend<NonNullable<FormActionsOptions['cors']>>();
		expectTypeOf<{ origins: string[]; credentials: true }>().toExtend<NonNullable<FormActionsOptions['cors']>>();
		expectTypeOf<CorsOptions['credentials']>().toEqualTypeOf<boolean | undefined>();
		// @ts-expect-error the origins are what the option is about
		const withoutOrigins: CorsOptions = { credentials: true };
		// @ts-expect-error an origin is a string, not a URL or a RegExp
		const notStrings: FormActionsOptions = { cors: [/app/] };
		expectTypeOf(withoutOrigins).toEqualTypeOf<CorsOptions>();
		expectTypeOf(notStrings).toEqualTypeOf<FormActionsOptions>();
	});
});
