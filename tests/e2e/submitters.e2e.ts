import { expect, test } from 'vitest';
import { snapshot, useDemo, type Demo, type Snapshot } from './harness.js';
import { comparable, fromTwin } from './scenarios.js';

// Two servers, as in differential.e2e.ts: each side loads its page data from the same start.
const demo = useDemo();
const twinDemo = useDemo();

/**
 * What jsdom cannot show (its buttons have no `formAction`, `formEnctype` or `formMethod`):
 * in Chromium, each way a submitter can submit the /submitters form. The page's submit function
 * appends a field and its callback runs `update({ reset: false, invalidateAll: false })`, on
 * this library's `enhance` and on the /kit twin's, SvelteKit's own. Each button is pressed in
 * turn; what arrives at the server and what the user sees must be the same on both.
 */
const presses = [
	// The submitter's name=value; the form's action.
	{ button: 'Save', arrived: 'application/x-www-form-urlencoded: text=typed & intent=save & js=on' },
	// An <input type=submit> with a name, a value and a formaction.
	{ button: 'Publish', arrived: 'application/x-www-form-urlencoded: text=typed & intent=Publish & js=on' },
	{ button: 'Multipart', arrived: 'multipart/form-data: text=typed & js=on' },
	{ button: 'Plain text', arrived: 'text/plain: text=typed & js=on' }
];

interface Visit {
	/** What the user saw after each press, then after the formmethod="get" one (text aside). */
	seen: Omit<Snapshot, 'text'>[];
	posts: Awaited<ReturnType<ReturnType<typeof comparable>>>[];
}

async function pressEach(server: Demo, path: string): Promise<Visit> {
	const page = await server.open(path);
	const first = server.requests.length;
	const arrived = page.locator('output').last();
	const seen = async () => {
		const { text, ...visible } = await snapshot(page, server.origin);
		return { ...visible, path: fromTwin(visible.path) };
	};
	const visit: Visit = { seen: [], posts: [] };

	await page.getByLabel('Text').fill('typed');
	for (const { button, arrived: text } of presses) {
		const answered = page.waitForResponse((response) => response.request().method() === 'POST');
		await page.getByRole('button', { name: button }).click();
		await answered;
		await expect.poll(() => arrived.innerText(), { timeout: 10_000 }).toBe(text);
		visit.seen.push(await seen());
	}
	// formmethod="get": not enhance's, a navigation to the page with the query.
	const loaded = page.waitForURL(/\?text=typed&q=search$/);
	await page.getByRole('button', { name: 'Search' }).click();
	await loaded;
	await expect.poll(() => arrived.innerText(), { timeout: 10_000 }).toBe('nothing yet');
	visit.seen.push(await seen());

	const posts = server.requests.slice(first).filter((request) => request.method === 'POST');
	visit.posts = await Promise.all(posts.map(comparable(server.origin)));
	return visit;
}

test("each submitter submits as with SvelteKit's own enhance: name=value, formaction, formenctype, formmethod", async () => {
	const ours = await pressEach(demo, '/submitters');
	const kit = await pressEach(twinDemo, '/kit/submitters');

	// What this library sent, on its own terms first.
	expect(ours.posts.map(({ url }) => url)).toEqual([
		'http://demo/submitters?/save',
		'http://demo/submitters?/publish',
		'http://demo/submitters?/save',
		'http://demo/submitters?/save'
	]);
	expect(ours.posts.map(({ headers }) => headers['content-type'])).toEqual([
		'application/x-www-form-urlencoded',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=(random)',
		'text/plain'
	]);
	// reset: false kept what was typed, invalidateAll: false the data loaded once; a success moved
	// focus to the top of the page.
	for (const seen of ours.seen.slice(0, presses.length)) {
		expect(seen).toMatchObject({ path: '/submitters', fields: { text: 'typed' }, focus: 'body' });
		expect(seen.messages[0]).toBe('1');
	}
	// enhance left the GET submission alone: SvelteKit's router took it, as it takes any GET form,
	// and navigated to the query (no new load: the page's does not read the URL), `form` cleared.
	expect(ours.seen.at(-1)).toMatchObject({ path: '/submitters?text=typed&q=search', messages: ['1', 'nothing yet'] });

	// Then against SvelteKit: the same bytes, and the same page after each press.
	expect(ours.posts).toEqual(kit.posts);
	expect(ours.seen).toEqual(kit.seen);
});
