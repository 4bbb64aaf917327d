// The twin runs the very same server code as /upload.
export { actions } from '../../upload/+page.server.js';
