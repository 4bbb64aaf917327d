export { actions } from '../echo.js';
