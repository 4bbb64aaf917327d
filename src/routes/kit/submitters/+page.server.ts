// The twin runs the very same server code as /submitters.
export { load, actions } from '../../submitters/+page.server.js';
