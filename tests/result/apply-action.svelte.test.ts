import { flushSync, tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { applyAction, configure, page } from '../../src/lib/index.js';
import type { Config } from '../../src/lib/index.js';
import { reports } from '../helpers/reports.js';

let goto: Mock<Config['goto']>;
beforeEach(() => {
	goto = vi.fn<Config['goto']>();
	configure({ goto });
});
afterEach(() => {
	document.body.innerHTML = '';
	vi.restoreAllMocks();
});

describe('applyAction(result)', () => {
	test('success and failure set page.form, page.status and clear page.error', async () => {
		const reported = reports();
		await applyAction({ type: 'error', status: 500, error: { message: 'x' } });
		expect(reported).toHaveLength(1);
		await applyAction({ type: 'failure', status: 400, data: { missing: true } });
		expect([page.form, page.status, page.error]).toEqual([{ missing: true }, 400, null]);
		await applyAction({ type: 'success', status: 201, data: { id: 7 } });
		expect([page.form, page.status, page.error]).toEqual([{ id: 7 }, 201, null]);
	});

	test('applies wherever the form posted (no current-page check)', async () => {
		await applyAction({ type: 'success', status: 200, data: { from: 'elsewhere' }, location: '/other' });
		expect(page.form).toEqual({ from: 'elsewhere' });
	});

	test('page.form passes through null for a tick, so equal data renders again', async () => {
		const data = { email: 'a@b.c' };
		await applyAction({ type: 'failure', status: 400, data });
		const seen: unknown[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(page.form);
			});
		});
		flushSync();
		const applying = applyAction({ type: 'failure', status: 400, data });
		flushSync();
		await applying;
		flushSync();
		stop();
		expect(seen).toEqual([data, null, data]);
	});

	test('redirect: goto(location, { invalidateAll: true }) with the location resolved', async () => {
		await applyAction({ type: 'redirect', status: 303, location: 'next?step=2' });
		expect(goto).toHaveBeenCalledWith('http://localhost:3000/next?step=2', { invalidateAll: true });
		expect(page.form).toBeNull();
	});

	test('error: page.error and page.status (500 when the result has none)', async () => {
		const reported = reports();
		await applyAction({ type: 'error', error: { message: 'Boom' } });
		expect([page.error, page.status]).toEqual([{ message: 'Boom' }, 500]);
		await applyAction({ type: 'error', status: 404, error: { message: 'Gone' } });
		expect([page.error, page.status]).toEqual([{ message: 'Gone' }, 404]);
		// No boundary: each is reported, with its status.
		expect(reported.map((error) => error.message)).toEqual(['error result of applyAction() (500: Boom)', 'error result of applyAction() (404: Gone)']);
	});

	test('a location that is not a URL is applied as an error result', async () => {
		const reported = reports();
		await applyAction({ type: 'redirect', status: 303, location: 'http://[::1' });
		expect(goto).not.toHaveBeenCalled();
		expect(String(page.error)).toMatch(/Refused to navigate to an invalid URL/);
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
	});

	test('a goto that throws is applied as an error result', async () => {
		const reported = reports();
		goto.mockRejectedValue(new Error('Route failed'));
		await applyAction({ type: 'redirect', status: 303, location: '/x' });
		expect(page.error).toEqual(new Error('Route failed'));
		expect(reported.map((error) => error.cause)).toEqual([page.error]);
	});
});

describe('redirect targets', () => {
	const hostile = [
		'javascript:alert(1)',
		' JAVASCRIPT:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'\u0001javascript:alert(1)'
	];
	for (const location of hostile) {
		test(`${JSON.stringify(location)} is refused with an error result, never reaching goto`, async () => {
			const reported = reports();
			const assign = vi.fn();
			vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, href: 'http://localhost:3000/', origin: 'http://localhost:3000', assign } as Location);
			await applyAction({ type: 'redirect', status: 303, location });
			expect(goto).not.toHaveBeenCalled();
			expect(assign).not.toHaveBeenCalled();
			expect(String(page.error)).toMatch(/Refused to navigate to (javascript|data|vbscript): URL/);
			expect(reported.map((error) => error.cause)).toEqual([page.error]);
		});
	}

	test('another origin (http) is a full navigation, not the app router', async () => {
		const assign = vi.fn();
		vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, href: 'http://localhost:3000/', origin: 'http://localhost:3000', assign } as Location);
		await applyAction({ type: 'redirect', status: 303, location: 'https://auth.example.com/sso' });
		expect(goto).not.toHaveBeenCalled();
		expect(assign).toHaveBeenCalledWith('https://auth.example.com/sso');
	});
});

describe('focus', () => {
	test('after a success, the first [autofocus] element gets focus', async () => {
		document.body.innerHTML = '<input id="first"><input id="auto" autofocus><input autofocus>';
		document.getElementById('first')!.focus();
		await applyAction({ type: 'success', status: 200, data: {} });
		expect(document.activeElement!.id).toBe('auto');
	});

	test('else the body, with a temporary tabindex that is removed afterwards', async () => {
		document.body.innerHTML = '<input id="first">';
		document.getElementById('first')!.focus();
		const focus = vi.spyOn(document.body, 'focus');
		await applyAction({ type: 'success', status: 200, data: {} });
		expect(document.activeElement).toBe(document.body);
		expect(focus).toHaveBeenCalledWith({ preventScroll: true });
		expect(document.body.hasAttribute('tabindex')).toBe(false);
	});

	test('a tabindex the body had is restored', async () => {
		document.body.setAttribute('tabindex', '0');
		await applyAction({ type: 'success', status: 200, data: {} });
		expect(document.body.getAttribute('tabindex')).toBe('0');
		document.body.removeAttribute('tabindex');
	});

	test('a failure leaves focus where it is', async () => {
		document.body.innerHTML = '<input id="email"><input autofocus>';
		document.getElementById('email')!.focus();
		await applyAction({ type: 'failure', status: 400, data: {} });
		expect(document.activeElement!.id).toBe('email');
	});
});

test('tick is what separates null from the data', async () => {
	// Guards the test above against a false pass: a plain assignment would be seen once.
	const order: unknown[] = [];
	const applying = applyAction({ type: 'success', status: 200, data: { n: 1 } });
	order.push(page.form);
	await tick();
	await applying;
	order.push(page.form);
	expect(order).toEqual([null, { n: 1 }]);
});
