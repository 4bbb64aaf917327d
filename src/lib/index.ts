export { enhance } from './enhance.js';
export { enhancement } from './enhancement.js';
export { submission, Submission } from './submission.svelte.js';
export { focusInvalid } from './focus-invalid.js';
export { announce } from './announce.js';
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
	RepeatPolicy,
	SubmissionObserver,
	SubmissionOptions,
	AnnounceText,
	BeforeNavigateCallback,
	BeforeNavigateNavigation,
	Config,
	Transporter
} from './types.js';
