// The app as a Hono app, on Node: `node hono.js` after `vite build && vite build --ssr src/server.ts`.
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { listen } from './listen.js';
import { homePage, login, loginPage } from './dist/server/server.js';

const script = await readFile(new URL('./dist/client/client.js', import.meta.url));
const styles = await readFile(new URL('./dist/client/client.css', import.meta.url));

const app = new Hono();
app.get('/client.js', (c) => c.body(script, 200, { 'content-type': 'text/javascript' }));
app.get('/client.css', (c) => c.body(styles, 200, { 'content-type': 'text/css' }));
app.get('/login', (c) => c.html(loginPage()));
// The raw Request, body unread: the actions read the form themselves.
app.post('/login', (c) => login(c.req.raw));
app.get('/', (c) => c.html(homePage()));

const server = await listen(app.fetch, Number(process.env.PORT ?? 3000));
console.log(`Listening on http://127.0.0.1:${server.address().port}`);
