import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { useDemo } from './harness.js';

const demo = useDemo();

/** 24 MB that are not all alike, so the server's hash proves every byte arrived in order. */
const size = 24 * 1024 * 1024;
const bytes = Buffer.alloc(size);
for (let i = 0; i < size; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
// Picked from a file on disk: a buffer this big would crawl through the DevTools protocol.
const dir = mkdtempSync(join(tmpdir(), 'upload-progress-'));
const file = join(dir, 'big.bin');
writeFileSync(file, bytes);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a 24 MB upload, throttled, shows its progress rising step by step up to the total', { timeout: 60_000 }, async () => {
	const page = await demo.open('/upload');
	await page.getByLabel('Caption').fill('Big');
	await page.getByLabel('Files').setInputFiles(file);
	// Upload throttled to 6 MB/s through the DevTools protocol: about four seconds of progress.
	const devtools = await page.context().newCDPSession(page);
	await devtools.send('Network.enable');
	await devtools.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 0,
		downloadThroughput: -1,
		uploadThroughput: 6 * 1024 * 1024
	});

	// Every value the progress bar shows, as the page sees it: its `value` and `max` reflect to
	// attributes, so each change (and the bar appearing) is a mutation.
	await page.evaluate(() => {
		const seen: Array<[number, number]> = [];
		Object.assign(window, { seen });
		new MutationObserver(() => {
			const bar = document.querySelector('progress');
			const last = seen.at(-1);
			if (bar && (bar.value !== last?.[0] || bar.max !== last?.[1])) seen.push([bar.value, bar.max]);
		}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'max'] });
	});
	await page.getByRole('button', { name: 'Upload' }).click();
	const sha256 = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
	await page.getByText(new RegExp(`^big\\.bin: ${size} bytes, .*, SHA-256 ${sha256}…$`)).waitFor({ timeout: 45_000 });

	const seen = (await page.evaluate(() => (window as unknown as { seen: Array<[number, number]> }).seen)) as Array<[number, number]>;
	const total = seen.at(-1)![1];
	// The whole multipart body: the file and its framing.
	expect(total).toBeGreaterThan(size);
	expect(seen.every(([, max]) => max === total)).toBe(true);
	const values = seen.map(([value]) => value);
	expect(values.length).toBeGreaterThanOrEqual(5);
	for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
	expect(values.at(-1)).toBe(total);
	// Shown while the form is submitting only.
	expect(await page.locator('progress').count()).toBe(0);

	// The request went through XMLHttpRequest, with the action protocol's headers.
	const post = demo.requests.findLast((request) => request.method === 'POST')!;
	expect(post.body.length).toBe(total);
	expect(post.headers).toMatchObject({ accept: 'application/json', 'x-sveltekit-action': 'true' });
	expect(post.headers.pragma).toBeUndefined();
});
