// The twin runs the very same server code as /slow.
export { actions } from '../../slow/+page.server.js';
