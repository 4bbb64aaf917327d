import { xhrFetch } from './xhr-fetch.js';

/**
 * The upload progress of one form's requests, reactive, for a `<progress>`. Pass its `fetch` as
 * the form's, as a plug: `use:enhance={{ use: [upload] }}`. The form then posts through
 * `XMLHttpRequest` (see `xhrFetch`); everything else (abort, `timeout`, `repeat`, the race rule,
 * results) is `enhance`'s as with any `fetch`.
 */
export class UploadProgress {
	#sent = $state.raw(0);
	#total = $state.raw(0);
	/** The newest request: only its progress is shown (older ones are being replaced). */
	#latest: object | undefined;

	/** Bytes of the request body sent so far, of the form's newest request (kept once it is done). */
	get sent(): number {
		return this.#sent;
	}
	/** Bytes of the whole request body (files and multipart framing); 0 until the browser knows. */
	get total(): number {
		return this.#total;
	}

	/** A `fetch` for `use:enhance={{ fetch }}` that reports into `sent` and `total`. */
	readonly fetch: typeof fetch = (input, init) => {
		const request = {};
		this.#latest = request;
		this.#sent = 0;
		this.#total = 0;
		return xhrFetch((sent, total) => {
			if (this.#latest !== request) return;
			this.#sent = sent;
			this.#total = total;
		})(input, init);
	};
}

/**
 * Creates the upload progress of a form.
 *
 * ```svelte
 * <script>
 *   import { enhance, uploadProgress } from 'svelte-form-actions';
 *   const upload = uploadProgress();
 * </script>
 *
 * <form method="POST" enctype="multipart/form-data" use:enhance={{ use: [upload] }}>
 *   <input type="file" name="video" />
 *   <progress value={upload.sent} max={upload.total || 1}></progress>
 * </form>
 * ```
 */
export function uploadProgress(): UploadProgress {
	return new UploadProgress();
}
