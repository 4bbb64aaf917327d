// Custom types that action data may hold (see /wire); the client registers the same object
// with `configure({ transport })`.
export { transport } from './routes/wire/money.js';
