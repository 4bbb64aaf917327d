export { actionHandler } from './handler.js';
// One implementation of the wire format: the server entry's.
export { actionResponse, fail, redirect, error } from '../../server/index.js';
export type { ActionEvent, MockAction, ActionHandler, ActionHandlerOptions } from './handler.js';
export type { ActionFailure, Redirect, HttpError } from '../../server/index.js';
export type { RecordedRequest } from './requests.js';
export { queryHandler, queryBatchHandler, queryLiveHandler, commandHandler, formHandler } from './remote-functions.js';
export type { RemoteHandler, FormHandlerOptions, RemoteTools, RemoteIssue, RemoteIssueBuilder, RemoteArg, RemoteValue, RemoteFormData, RemoteFormResult } from './remote-functions.js';
