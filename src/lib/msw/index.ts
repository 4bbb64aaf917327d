export { actionHandler } from './handler.js';
export { actionResponse } from './response.js';
export { fail, redirect, error } from './outcome.js';
export type { ActionEvent, MockAction, ActionHandler } from './handler.js';
export type { ActionFailure, Redirect, HttpError } from './outcome.js';
export type { RecordedRequest } from './requests.js';
