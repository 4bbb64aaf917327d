import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { snapshot, type Demo, type RecordedRequest, type Snapshot } from './harness.js';

/**
 * The demo's scenarios, each played three ways: enhanced by this library, with JavaScript off
 * (native POST), and on the page's twin under `/kit`, enhanced by SvelteKit's own `use:enhance`.
 */
export interface Scenario {
	name: string;
	/** The page the user starts on. */
	path: string;
	/** Logged in as this user from the start. */
	user?: string;
	/** What the user does, wrapping each submission in `submit`. */
	act(page: Page, user: Actions): Promise<void>;
	/** What the user then sees, with or without JavaScript. */
	outcome: Outcome;
	/** What differs when the form is enhanced: only JavaScript can keep focus and typed values. */
	enhanced?: Outcome;
	/** What differs without JavaScript. */
	native?: Outcome;
	/** No native outcome: the scenario needs JavaScript (cancelling a request). */
	needsJavaScript?: true;
	/**
	 * SvelteKit's `applyAction` renders the nearest `+error` page for an error, replacing the form;
	 * this library shows `page.error` in the page. Only the path and the message are the same.
	 */
	errorPage?: true;
}

export type Outcome = Partial<Omit<Snapshot, 'text'>>;

export interface Actions {
	/**
	 * Runs `trigger` (a click or a key press that submits) and waits until the server has
	 * answered: enhanced, its answer to the `fetch`; natively, the page it leads to. So the next
	 * submission cannot overtake this one.
	 */
	submit(trigger: () => Promise<unknown>): Promise<void>;
	/** Waits until `locator` shows `text`. */
	see(locator: Locator, text: string): Promise<void>;
	/** Presses Tab until `locator` has focus, as a keyboard user gets there. */
	tabTo(locator: Locator): Promise<void>;
}

/** How long to wait for what the user should see: a ceiling, never a timing assertion. */
const patience = 10_000;

const demoUser = { email: 'demo@example.com', password: 'demo' };
const notes = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Form actions, everywhere.\n') };
const pixel = { name: 'pixel.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 253, 254, 255]) };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

async function logIn(page: Page, user: Actions, email: string, password: string, button = 'Log in') {
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await user.submit(() => page.getByRole('button', { name: button }).click());
}

export const scenarios: Scenario[] = [
	{
		name: 'a failed login echoes the email, never the password',
		path: '/login',
		act: (page, user) => logIn(page, user, demoUser.email, 'wrong'),
		outcome: {
			path: '/login',
			heading: 'Log in',
			messages: ['Invalid credentials!'],
			fields: { email: demoUser.email, password: '' }
		},
		// Enhanced, nothing is reloaded: what was typed stays, and so does focus.
		enhanced: { fields: { email: demoUser.email, password: 'wrong' }, focus: 'button "Log in"' },
		native: { path: '/login?/login' }
	},
	{
		name: 'a login without email fails',
		path: '/login',
		act: (page, user) => logIn(page, user, '', 'demo'),
		outcome: { heading: 'Log in', messages: ['The email field is required'], fields: { email: '' } }
	},
	{
		name: 'registering (a named action on a second button) succeeds and resets the form and focus',
		path: '/login',
		act: (page, user) => logIn(page, user, 'ada@example.com', 'lovelace', 'Register'),
		outcome: {
			heading: 'Log in',
			messages: ['Registered ada@example.com: you can log in now.'],
			fields: { email: '', password: '' },
			focus: 'body'
		},
		enhanced: { path: '/login' },
		native: { path: '/login?/register' }
	},
	{
		name: "registering an email that is taken fails, and the account's password still works",
		path: '/login',
		async act(page, user) {
			await logIn(page, user, demoUser.email, 'taken-over', 'Register');
			await user.see(page.getByRole('alert'), `${demoUser.email} is already registered: log in instead.`);
			await logIn(page, user, demoUser.email, demoUser.password);
		},
		outcome: { path: '/', heading: 'svelte-form-actions', messages: ['Logged in as demo@example.com.'] }
	},
	{
		name: 'a login redirects home, logged in',
		path: '/login',
		act: (page, user) => logIn(page, user, demoUser.email, demoUser.password),
		outcome: { path: '/', heading: 'svelte-form-actions', messages: ['Logged in as demo@example.com.'], focus: 'body' }
	},
	{
		name: 'a login follows ?redirectTo= to a path of this site',
		path: '/login?redirectTo=/counter',
		act: (page, user) => logIn(page, user, demoUser.email, demoUser.password),
		outcome: { path: '/counter', heading: 'Counter' }
	},
	...['//evil.example/', '/\\evil.example/', 'https://evil.example/'].map(
		(target): Scenario => ({
			name: `a login ignores ?redirectTo=${target} (another site)`,
			path: `/login?redirectTo=${encodeURIComponent(target)}`,
			act: (page, user) => logIn(page, user, demoUser.email, demoUser.password),
			outcome: { path: '/', heading: 'svelte-form-actions', messages: ['Logged in as demo@example.com.'] }
		})
	),
	{
		name: "a form on the home page logs in with the /login page's action",
		path: '/',
		act: (page, user) => logIn(page, user, demoUser.email, demoUser.password),
		outcome: { path: '/', heading: 'svelte-form-actions', messages: ['Logged in as demo@example.com.'] }
	},
	{
		name: "a failure of the /login page's action shows up where a native POST shows it",
		path: '/',
		act: (page, user) => logIn(page, user, demoUser.email, 'wrong'),
		outcome: { fields: { email: demoUser.email } },
		// Enhanced, the home page applies the failure itself; natively the browser goes to /login.
		enhanced: { path: '/', messages: ['Not logged in.', 'Invalid credentials!'] },
		native: { path: '/login?/login', messages: ['Invalid credentials!'] }
	},
	{
		name: "logging out from the home page (the /login page's action) redirects home",
		path: '/',
		user: demoUser.email,
		act: (page, user) => user.submit(() => page.getByRole('button', { name: 'Log out' }).click()),
		outcome: { path: '/', messages: ['Not logged in.'], focus: 'body' }
	},
	{
		name: 'an upload sends the files (multipart) and the server receives every byte',
		path: '/upload',
		async act(page, user) {
			await page.getByLabel('Caption').fill('Holiday');
			await page.getByLabel('Files').setInputFiles([notes, pixel]);
			await user.submit(() => page.getByRole('button', { name: 'Upload' }).click());
		},
		outcome: {
			path: '/upload',
			messages: [
				`notes.txt: ${notes.buffer.length} bytes, text/plain, SHA-256 ${sha256(notes.buffer)}…\n` +
					`pixel.bin: ${pixel.buffer.length} bytes, application/octet-stream, SHA-256 ${sha256(pixel.buffer)}…`
			],
			// The form is reset, then shows the caption the server sent back.
			fields: { caption: 'Holiday', files: '' },
			focus: 'body'
		}
	},
	{
		name: 'an upload without files fails and keeps the caption',
		path: '/upload',
		async act(page, user) {
			await page.getByLabel('Caption').fill('Nothing');
			await user.submit(() => page.getByRole('button', { name: 'Upload' }).click());
		},
		outcome: { path: '/upload', messages: ['Choose at least one file'], fields: { caption: 'Nothing' } }
	},
	{
		name: 'a slow action shows that it is pending, then its result',
		path: '/slow',
		async act(page, user) {
			await page.getByLabel('Message').fill('Hello');
			await user.submit(() => page.getByRole('button', { name: 'Send' }).click());
		},
		outcome: { path: '/slow', messages: ['Sent “Hello” after 1 s.'], fields: { message: '', seconds: '1' } }
	},
	{
		name: 'a slow action can be cancelled: the request is aborted and what was typed stays',
		path: '/slow',
		needsJavaScript: true,
		async act(page, user) {
			// A first message goes through: its "Sent" line must not outlive the cancelled one.
			await page.getByLabel('Message').fill('Hello');
			await user.submit(() => page.getByRole('button', { name: 'Send' }).click());
			await user.see(page.locator('.success'), 'Sent “Hello” after 1 s.');
			await page.getByLabel('Message').fill('Never mind');
			await page.getByLabel('The server takes').selectOption('10');
			await page.getByRole('button', { name: 'Send' }).click();
			await page.getByText('Waiting for the server…').waitFor();
			await expect.poll(() => page.locator('form').getAttribute('aria-busy'), { timeout: patience }).toBe('true');
			await page.getByRole('button', { name: 'Cancel' }).click();
		},
		outcome: {
			path: '/slow',
			messages: ['Cancelled: the request was aborted.'],
			fields: { message: 'Never mind', seconds: '10' },
			focus: 'button "Send"'
		}
	},
	{
		name: 'an action that throws shows the error, and the earlier failure message goes',
		path: '/error',
		async act(page, user) {
			await user.submit(() => page.getByRole('button', { name: 'Send report' }).click());
			await user.see(page.getByRole('alert'), 'Write a report first');
			await page.getByLabel('Report').fill('The oven is cold');
			await user.submit(() => page.getByRole('button', { name: 'Send report' }).click());
		},
		outcome: { path: '/error', messages: ['Error 503: The report service is down, try again later'] },
		// Enhanced, the library's <ErrorBoundary> (its default markup) shows it beside the form,
		// with a Dismiss button, and moves focus to it; the failure's message is gone.
		enhanced: {
			heading: 'Failing action',
			messages: ['The report service is down, try again later\n\nDismiss'],
			fields: { report: 'The oven is cold' },
			focus: 'div "The report service is down, try again later Dismiss"'
		},
		errorPage: true
	},
	{
		name: 'the counter shows its reloaded data after each success (the pressed button is sent)',
		path: '/counter',
		async act(page, user) {
			const count = page.locator('output');
			await user.submit(() => page.getByRole('button', { name: 'Reset' }).click());
			await user.see(count, '0');
			await user.submit(() => page.getByRole('button', { name: 'Add one' }).click());
			await user.see(count, '1');
			await user.submit(() => page.getByRole('button', { name: 'Add ten' }).click());
		},
		outcome: { heading: 'Counter', messages: ['11'] },
		enhanced: { path: '/counter' },
		native: { path: '/counter?/increment' }
	},
	{
		name: 'keyboard: Enter submits, and after a failure focus stays in the field',
		path: '/login',
		async act(page, user) {
			await user.tabTo(page.getByLabel('Email'));
			await page.keyboard.type(demoUser.email);
			await page.keyboard.press('Tab');
			await page.keyboard.type('wrong');
			await user.submit(() => page.keyboard.press('Enter'));
		},
		outcome: { heading: 'Log in', messages: ['Invalid credentials!'], fields: { email: demoUser.email } },
		enhanced: { fields: { password: 'wrong' }, focus: 'input[name=password]' }
	},
	{
		name: 'keyboard: a success resets focus to the top of the page',
		path: '/login',
		async act(page, user) {
			await user.tabTo(page.getByLabel('Email'));
			await page.keyboard.type('grace@example.com');
			await page.keyboard.press('Tab');
			await page.keyboard.type('hopper');
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			await user.submit(() => page.keyboard.press('Enter'));
		},
		outcome: { messages: ['Registered grace@example.com: you can log in now.'], focus: 'body' }
	}
];

export interface Play {
	page: Page;
	/** What the user sees at the end, with a twin's `/kit` prefix taken off the path. */
	seen: Snapshot;
	/** The form submissions the server received. */
	posts: RecordedRequest[];
}

/**
 * Plays `scenario` in a fresh browser context and waits until the user sees its outcome.
 * Enhanced, it also checks that every submission was a `fetch` (an XMLHttpRequest on our upload
 * page) and that the page never reloaded.
 */
export async function play(demo: Demo, scenario: Scenario, { javaScript = true, twin = false } = {}): Promise<Play> {
	const page = await demo.open(twin ? toTwin(scenario.path) : scenario.path, { javaScript, user: scenario.user });
	const first = demo.requests.length;
	const submissions: string[] = [];
	page.on('request', (request) => request.method() === 'POST' && submissions.push(request.resourceType()));
	// A full page load would start a new window, without this.
	if (javaScript) await page.evaluate(() => ((window as any).__sameWindow = true));

	await scenario.act(page, {
		async submit(trigger) {
			const answered = javaScript
				? page.waitForResponse((response) => response.request().method() === 'POST')
				: page.waitForEvent('load');
			await trigger();
			await answered;
		},
		async see(locator, text) {
			await expect.poll(() => locator.innerText(), { timeout: patience }).toBe(text);
		},
		async tabTo(locator) {
			for (let presses = 0; presses < 30; presses++) {
				if (await locator.evaluate((element) => element === document.activeElement)) return;
				await page.keyboard.press('Tab');
			}
			throw new Error('Tab never reached the element');
		}
	});

	const differs = javaScript ? scenario.enhanced : scenario.native;
	const expected: Outcome = { ...scenario.outcome, ...differs, fields: { ...scenario.outcome.fields, ...differs?.fields } };
	if (twin && scenario.errorPage) {
		// SvelteKit's error page replaces the form: only the path and the message are shared.
		delete expected.heading;
		delete expected.fields;
		delete expected.focus;
		expected.messages = scenario.outcome.messages;
	}
	const seen = () => snapshot(page, demo.origin).then((seen) => ({ ...seen, path: fromTwin(seen.path) }));
	await expect.poll(seen, { timeout: patience }).toMatchObject(expected);

	if (javaScript) {
		expect(await page.evaluate(() => (window as any).__sameWindow), 'no full page load').toBe(true);
		// Our upload page posts through XMLHttpRequest, for its progress (`uploadProgress()`).
		const kind = !twin && scenario.path === '/upload' ? 'xhr' : 'fetch';
		expect(submissions, `every submission is a ${kind}`).toEqual(submissions.map(() => kind));
	} else {
		expect(submissions, 'every submission is native').toEqual(submissions.map(() => 'document'));
	}
	expect(submissions.length, 'something was submitted').toBeGreaterThan(0);

	const posts = demo.requests.slice(first).filter((request) => request.method === 'POST');
	return { page, seen: await seen(), posts };
}

/** `/login` → `/kit/login`, `/` → `/kit`. */
function toTwin(path: string): string {
	return path === '/' || path.startsWith('/?') ? `/kit${path.slice(1)}` : `/kit${path}`;
}

/** The reverse of `toTwin`, for paths and URLs alike. */
export function fromTwin(url: string): string {
	return url.replace(/^((?:https?:\/\/[^/]+)?)\/kit(?:\/|(?=[?#]|$))/, (_, origin) => `${origin}/`);
}

/**
 * A request as the server at `origin` got it, with `http://demo` for that origin (the two servers
 * listen on different ports) and the twin's `/kit` prefix taken off its URLs. URL-encoded bodies
 * stay bytes (as latin1 text, for readable diffs); a multipart body, whose boundary is random,
 * becomes its entries, with each file's name, type and bytes.
 */
export const comparable = (origin: string) => async (request: RecordedRequest) => {
	const { host } = new URL(origin);
	const neutral = (text: string) => text.replaceAll(origin, 'http://demo').replaceAll(host, 'demo');
	const { method, body } = request;
	const url = fromTwin(neutral(request.url));
	const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, neutral(String(value))]));
	const type = headers['content-type'] ?? '';
	const seen = { method, url, headers: { ...headers, referer: fromTwin(headers.referer ?? '') } as Record<string, string> };
	if (!type.startsWith('multipart/form-data')) return { ...seen, body: body.toString('latin1') };

	seen.headers['content-type'] = type.replace(/boundary=.*$/, 'boundary=(random)');
	const form = await new Request(request.url, { method, headers: { 'content-type': type }, body: new Uint8Array(body) }).formData();
	const entries = [];
	for (const [name, value] of form) {
		if (typeof value === 'string') entries.push([name, value]);
		else {
			const bytes = Buffer.from(await value.arrayBuffer()).toString('base64');
			entries.push([name, { file: value.name, type: value.type, bytes }]);
		}
	}
	return { ...seen, entries };
};
