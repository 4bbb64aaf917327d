// The twin runs the very same server code as /error.
export { actions } from '../../error/+page.server.js';
