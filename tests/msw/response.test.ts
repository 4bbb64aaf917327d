import { http } from 'msw';
import { describe, expect, test } from 'vitest';
import { deserialize, type ActionResult } from '../../src/lib/index.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';
import { post, seen } from './post.js';

const json = 'application/json';

describe('actionResponse: one result, as SvelteKit 2 sends it', () => {
	const cases: Array<[ActionResult, { status: number; body: string }]> = [
		[{ type: 'success', status: 200, data: { id: 7 } }, { status: 200, body: '{"type":"success","status":200,"data":"[{\\"id\\":1},7]"}' }],
		[{ type: 'success', status: 204 }, { status: 200, body: '{"type":"success","status":204,"data":"-1"}' }],
		[{ type: 'failure', status: 422, data: { email: '' } }, { status: 200, body: '{"type":"failure","status":422,"data":"[{\\"email\\":1},\\"\\"]"}' }],
		[{ type: 'redirect', status: 303, location: '/thanks' }, { status: 200, body: '{"type":"redirect","status":303,"location":"/thanks"}' }],
		[{ type: 'error', status: 404, error: { message: 'Not here' } }, { status: 404, body: '{"type":"error","error":{"message":"Not here"}}' }],
		[{ type: 'error', error: { message: 'Oops' } }, { status: 500, body: '{"type":"error","error":{"message":"Oops"}}' }],
		// `JSON.stringify(new Error())` is "{}": the message must survive.
		[{ type: 'error', status: 503, error: new Error('Down') }, { status: 503, body: '{"type":"error","error":{"message":"Down"}}' }]
	];
	for (const [result, expected] of cases) {
		test(`${result.type} ${result.status ?? ''}`, async () => {
			server.use(http.post('/one-off', () => actionResponse(result)));
			expect(await seen(post('/one-off'))).toEqual({ ...expected, type: json });
		});
	}

	test('init.status overrides the HTTP status (a SvelteKit 3 failure)', async () => {
		const response = actionResponse({ type: 'failure', status: 400, data: { x: 1 } }, { status: 400 });
		expect(response.status).toBe(400);
	});

	test('content-length counts bytes, not characters', async () => {
		const response = actionResponse({ type: 'success', status: 200, data: { name: 'Zoë 🎉' } });
		expect(Number(response.headers.get('content-length'))).toBe(new TextEncoder().encode(await response.clone().text()).byteLength);
	});

	test('a SvelteKit 3 location is kept', async () => {
		const response = actionResponse({ type: 'failure', status: 400, data: { x: 1 }, location: '/login' });
		expect(deserialize(await response.text())).toEqual({ type: 'failure', status: 400, data: { x: 1 }, location: '/login' });
	});
});
