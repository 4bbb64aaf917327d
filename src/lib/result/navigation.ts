import { BROWSER } from 'esm-env';
import { config } from '../config.js';

/** Navigates with the configured `goto` (default: a full navigation to http(s) URLs only). */
export async function goto(url: string | URL, options: { invalidateAll?: boolean } = {}): Promise<void> {
	if (!BROWSER) throw new Error('goto() can only be called in the browser');
	await config.goto(url, { invalidateAll: options.invalidateAll ?? false });
}

/** Refreshes the app's data with the configured `invalidateAll` (default: the registered refreshers). */
export async function invalidateAll(): Promise<void> {
	if (!BROWSER) throw new Error('invalidateAll() can only be called in the browser');
	await config.invalidateAll();
}
