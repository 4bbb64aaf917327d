export { renderPage, type RenderPageOptions } from './render.js';
export { resetAll } from './reset.js';
