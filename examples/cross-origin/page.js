// The page, on another origin than the API: `node page.js` after `vite build && vite build --ssr src/server.ts`.
// API_ORIGIN says where the API answers.
import { readFile } from 'node:fs/promises';
import { listen } from '../server-rendered/listen.js';
import { newsletterPage } from './dist/server/server.js';

const api = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';
const script = await readFile(new URL('./dist/client/client.js', import.meta.url));

async function respond(request) {
	const { pathname } = new URL(request.url);
	if (pathname === '/client.js') return new Response(script, { headers: { 'content-type': 'text/javascript' } });
	if (pathname === '/') return new Response(newsletterPage(api), { headers: { 'content-type': 'text/html; charset=utf-8' } });
	return new Response('Not found', { status: 404 });
}

const server = await listen(respond, Number(process.env.PORT ?? 5173));
console.log(`Listening on http://127.0.0.1:${server.address().port}`);
