import { expect, test } from 'vitest';
import { useDemo } from './harness.js';

const demo = useDemo();

const pages = ['/', '/login', '/upload', '/slow', '/error', '/counter'];

for (const path of pages) {
	test(`${path} fits a phone's width, every control on screen`, async () => {
		const page = await demo.open(path, { viewport: { width: 360, height: 740 } });
		const layout = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			width: innerWidth,
			outside: [...document.querySelectorAll('a, input, select, button')]
				.map((element) => [element.outerHTML.slice(0, 60), element.getBoundingClientRect()] as const)
				.filter(([, box]) => box.left < 0 || box.right > innerWidth)
				.map(([html]) => html)
		}));
		expect(layout.outside).toEqual([]);
		expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
	});
}
