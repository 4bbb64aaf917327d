// The twin runs the very same server code as /.
export { load } from '../+page.server.js';
