// The API, on its own origin: `node api.js` after `vite build && vite build --ssr src/server.ts`.
// PAGE_ORIGINS lists the origins whose pages may post (comma-separated).
import { listen } from '../server-rendered/listen.js';
import { newsletter } from './dist/server/server.js';

const subscribe = newsletter((process.env.PAGE_ORIGINS ?? 'http://127.0.0.1:5173').split(','));

async function respond(request) {
	const { pathname } = new URL(request.url);
	// Every method goes to the actions: the browser's OPTIONS preflight as well as the POST.
	const response = pathname === '/newsletter' ? await subscribe(request) : new Response('Not found', { status: 404 });
	// One line per request, so the preflight before each enhanced post shows.
	console.log(`${request.method} ${pathname} from ${request.headers.get('origin') ?? 'no origin'}: ${response.status}`);
	return response;
}

const server = await listen(respond, Number(process.env.PORT ?? 3000));
console.log(`Listening on http://127.0.0.1:${server.address().port}`);
