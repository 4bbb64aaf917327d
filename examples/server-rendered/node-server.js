// The app on Node's own `http` module: `node node-server.js` after `vite build && vite build --ssr src/server.ts`.
import { readFile } from 'node:fs/promises';
import { listen } from './listen.js';
import { homePage, login, loginPage } from './dist/server/server.js';

// The browser's script and the components' styles (the error boundary's look among them).
const assets = {
	'/client.js': ['text/javascript', await readFile(new URL('./dist/client/client.js', import.meta.url))],
	'/client.css': ['text/css', await readFile(new URL('./dist/client/client.css', import.meta.url))]
};
const html = (body) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });

async function respond(request) {
	const { pathname } = new URL(request.url);
	const asset = assets[pathname];
	if (asset) return new Response(asset[1], { headers: { 'content-type': asset[0] } });
	if (pathname === '/login') return request.method === 'POST' ? login(request) : html(loginPage());
	if (pathname === '/') return html(homePage());
	return new Response('Not found', { status: 404 });
}

const server = await listen(respond, Number(process.env.PORT ?? 3000));
console.log(`Listening on http://127.0.0.1:${server.address().port}`);
