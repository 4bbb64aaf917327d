import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { tour } from '../../src/demo/tour.js';
import { useDemo } from './harness.js';

const demo = useDemo();
const routes = fileURLToPath(new URL('../../src/routes/', import.meta.url));

// Pages that are not part of the tour: the twins (checked with their page below), the
// benchmarks' pages, /wire (raw results for the byte-identity tests), /clobber (the clobbering proof)
// and /submitters (the submitter differential).
const offTour = new Set(['kit', 'bench', 'wire', 'clobber', 'submitters']);

/** Every page of the tour, and its /kit twin when it has one. */
const pages = tour.flatMap(({ path }) => {
	const twin = path === '/' ? '/kit' : `/kit${path}`;
	return existsSync(`${routes}${twin.slice(1)}/+page.svelte`) ? [path, twin] : [path];
});

const widths = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

test('every demo page is on the tour (so its header link and this test cover it)', () => {
	const dirs = readdirSync(routes, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && !offTour.has(entry.name) && existsSync(`${routes}${entry.name}/+page.svelte`))
		.map((entry) => `/${entry.name}`);
	expect(tour.map((stop) => stop.path).sort()).toEqual(['/', ...dirs].sort());
});

/** What the layout test measures on the page as it is now. */
function measure(page: Page) {
	return page.evaluate(() => {
		const onScreen = (box: DOMRect) => box.left >= 0 && box.right <= innerWidth;
		const shown = (element: Element) => (element as HTMLElement).offsetParent !== null || element.getClientRects().length > 0;
		const describe = (element: Element) => element.outerHTML.slice(0, 80);
		const header = document.querySelector('header')!;
		const links = [...header.querySelectorAll('a')].map((link) => link.getBoundingClientRect());
		return {
			overflow: document.documentElement.scrollWidth - innerWidth,
			headerHeight: header.getBoundingClientRect().height,
			// One line: every header link on the same row.
			headerRows: new Set(links.map((box) => Math.round(box.top))).size,
			headerLinks: links.length,
			offScreen: [...document.querySelectorAll('a, input, select, textarea, button, summary')]
				.filter((element) => shown(element) && !onScreen(element.getBoundingClientRect()))
				.map(describe),
			// Code names (`?redirectTo=`, `?/login`) are never broken across lines.
			brokenCode: [...document.querySelectorAll('code')].filter((code) => code.getClientRects().length > 1).map(describe),
			icon: document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? null
		};
	});
}

/** Opens `path` and records every HTTP error the page's loading met. */
async function open(path: string, options: Parameters<typeof demo.open>[1]) {
	const failed: string[] = [];
	const page = await demo.open(path, {
		...options,
		watch: (page) => page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`))
	});
	return { page, failed };
}

/**
 * Opens every one of `paths` once and measures it at each width: loaded at a phone's, then
 * resized to a desktop's (the layout is CSS only: it follows the viewport, not the load), which
 * halves the page loads. One page at a time: three at once measured slower on 2 cores (60 s against
 * 37 s for the whole file). Once: each test then checks its own page's numbers; the first to ask
 * waits for all of them, so the harness closes their contexts after it.
 */
function measuredOnce(paths: string[], javaScript: boolean) {
	type Measured = { seen: Awaited<ReturnType<typeof measure>>; failed: string[] };
	let all: Promise<Map<string, Measured>> | undefined;
	const measureAll = async () => {
		const results = new Map<string, Measured>();
		for (const path of paths) {
			const { page, failed } = await open(path, { viewport: widths.phone, javaScript });
			for (const [name, viewport] of Object.entries(widths)) {
				await page.setViewportSize(viewport);
				results.set(`${name} ${path}`, { seen: await measure(page), failed: [...failed] });
			}
		}
		return results;
	};
	return async (width: string, path: string) => (await (all ??= measureAll())).get(`${width} ${path}`)!;
}

// The first test of each kind waits for every page's load: a ceiling for a busy machine, not a timing check.
const measuring = 120_000;
const enhanced = measuredOnce(pages, true);
const native = measuredOnce(
	tour.map((stop) => stop.path),
	false
);

for (const [name, viewport] of Object.entries(widths)) {
	describe(`${name} (${viewport.width}px)`, () => {
		const heights = new Map<string, number>();

		test.each(pages)('%s: no horizontal scroll, header on one line, every control on screen', async (path) => {
			const { seen, failed } = await enhanced(name, path);
			expect(seen.overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
			expect(seen.headerLinks).toBe(tour.length);
			expect(seen.headerRows).toBe(1);
			expect(seen.offScreen).toEqual([]);
			expect(seen.brokenCode).toEqual([]);
			// An icon of its own, so the browser never asks for a missing /favicon.ico.
			expect(seen.icon).toMatch(/^data:image\//);
			expect(failed).toEqual([]);
			heights.set(path, seen.headerHeight);
		}, measuring);

		test('the header has the same height on every page: nothing jumps when moving between them', () => {
			expect(heights.size).toBe(pages.length);
			expect(new Set(heights.values()).size).toBe(1);
		});

		test.each(tour.map((stop) => stop.path))('%s without JavaScript: the same header, nothing off screen', async (path) => {
			const { seen } = await native(name, path);
			expect(seen.overflow).toBeLessThanOrEqual(0);
			expect(seen.headerRows).toBe(1);
			expect(seen.offScreen).toEqual([]);
			// Server-rendered and hydrated pages share one header height: no jump when JS starts.
			expect(seen.headerHeight).toBe(heights.get(path));
		}, measuring);

		test('an error shown in the default <ErrorBoundary> fits, its Dismiss button too, with a focus ring', async () => {
			const { page } = await open('/error', { viewport });
			await page.getByLabel('Report').fill('The oven is cold');
			await page.getByRole('button', { name: 'Send report' }).click();
			const alert = page.getByRole('alert');
			await alert.getByRole('button', { name: 'Dismiss' }).waitFor();
			const seen = await measure(page);
			expect(seen.overflow).toBeLessThanOrEqual(0);
			expect(seen.offScreen).toEqual([]);
			const box = await alert.evaluate((element) => {
				const style = getComputedStyle(element);
				const dismiss = element.querySelector('button')!.getBoundingClientRect();
				return {
					focused: document.activeElement === element,
					outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
					dismiss: { width: dismiss.width, height: dismiss.height }
				};
			});
			expect(box.focused).toBe(true);
			expect(box.outline).toBe(true);
			// Roomy: at least the 44 px touch target of WCAG's enhanced target size.
			expect(box.dismiss.height).toBeGreaterThanOrEqual(44);
			expect(box.dismiss.width).toBeGreaterThanOrEqual(44);

			// Dismissed by keyboard, focus goes back to the button that sent the report, not to the top of the page.
			await page.keyboard.press('Tab');
			await page.keyboard.press('Enter');
			await alert.waitFor({ state: 'detached' });
			const focused = await page.evaluate(() => document.activeElement?.textContent);
			expect(focused).toBe('Send report');
		});
	});
}
