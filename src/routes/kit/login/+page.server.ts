// The twin runs the very same server code as /login.
export { load, actions } from '../../login/+page.server.js';
