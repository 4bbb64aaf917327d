export { formActions } from './actions.js';
export { actionResponse } from './response.js';
export { fail, redirect, error } from './outcome.js';
export { setTransport } from '../transport.js';
export type { CorsOptions } from './cors.js';
export type { Action, ActionEvent, FormActionsHandler, FormActionsOptions, RenderInput } from './actions.js';
export type { ActionFailure, Redirect, HttpError } from './outcome.js';
export type { ActionResult, Transporter } from '../types.js';
