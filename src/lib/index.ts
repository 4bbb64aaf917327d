export { enhance } from './enhance.js';
export { applyAction } from './apply-action.js';
export { deserialize } from './deserialize.js';
export { page, clearPage, formResult } from './page.svelte.js';
export { configure } from './config.js';
export { goto, invalidateAll } from './navigation.js';
export { onInvalidate } from './refresh.js';
export { resource, Resource } from './resource.svelte.js';
export { default as ErrorBoundary } from './ErrorBoundary.svelte';
export type {
	ActionResult,
	SubmitFunction,
	SubmitInput,
	SubmitResultInput,
	UpdateOptions,
	EnhanceOptions,
	Config,
	Transporter
} from './types.js';
