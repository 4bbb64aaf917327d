export { enhance } from './form/enhance.js';
export { enhancement } from './form/enhancement.js';
export { repeat } from './plugs/repeat.js';
export { timeout } from './plugs/timeout.js';
export { sveltekit3 } from './plugs/sveltekit3.js';
export { submission, Submission } from './plugs/submission.svelte.js';
export { focusInvalid } from './plugs/focus-invalid.js';
export { announce } from './plugs/announce.js';
export { uploadProgress, UploadProgress } from './plugs/upload-progress/upload-progress.svelte.js';
export { unsaved, Unsaved } from './plugs/unsaved/unsaved.svelte.js';
export { applyAction } from './result/apply-action.js';
export { deserialize } from './wire/deserialize.js';
export { page, clearPage, formResult } from './page.svelte.js';
export { configure } from './config.js';
export { goto, invalidateAll } from './result/navigation.js';
export { onInvalidate } from './refresh/refresh.js';
export { resource, Resource } from './refresh/resource.svelte.js';
export { default as ErrorBoundary } from './boundary/ErrorBoundary.svelte';
export type {
	ActionResult,
	SubmitFunction,
	SubmitInput,
	SubmitResultInput,
	UpdateOptions,
	EnhanceOptions,
	RepeatPolicy,
	Plug,
	UpdatePlan,
	SubmissionOptions,
	AnnounceText,
	UnsavedOptions,
	BeforeNavigateCallback,
	BeforeNavigateNavigation,
	Config,
	Transporter
} from './types.js';
