// The twin runs the very same server code as /counter.
export { load, actions } from '../../counter/+page.server.js';
