import fc from 'fast-check';
import { http } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { enhance } from '../../src/lib/index.js';
import { deferred } from '../helpers/dom.js';
import { actionResponse } from '../../src/lib/testing/msw/index.js';
import { server } from '../setup/msw.js';

/**
 * Property: a random form, submitted with a random submitter, makes
 * 1. exactly the request SvelteKit 2's `enhance` makes. The oracle is SvelteKit's own `enhance`
 *    (`@sveltejs/kit/src/runtime/app/forms.js`, the installed 2.70.4), imported as it is; only
 *    the client runtime it imports for *after* the request (`applyAction`, `invalidateAll`,
 *    the `app` that holds transport decoders) is mocked, because it needs a running SvelteKit
 *    app. Its request building (method, URL, headers, body) runs unmocked. Both are given the
 *    same form and submitter; the `fetch` arguments and the bytes the server receives must match.
 * 2. the entries a server reads from a native submission of that form. jsdom cannot submit a
 *    form natively, so an independent reference does it here: the HTML spec's "constructing the
 *    entry list" (a DOM walk that does not use FormData) and its three encoders, written from
 *    the spec; the bodies are parsed by the same parser the mocked server uses (Node's, as a
 *    SvelteKit server on Node does: `request.formData()`).
 *
 * One difference is SvelteKit's and therefore ours (the contract is "byte for byte what
 * SvelteKit sends"): a native URL-encoded or text/plain submission turns every newline into
 * CRLF, while `new URLSearchParams(formData)` sends the LF a textarea holds. Multipart bodies
 * are identical. The property states that difference exactly instead of hiding it.
 */

vi.mock('../../node_modules/@sveltejs/kit/src/runtime/client/client.js', () => ({ app: { decoders: {} }, applyAction: vi.fn() }));
vi.mock('../../node_modules/@sveltejs/kit/src/runtime/server/app.js', () => ({ app: { decoders: {} } }));
vi.mock('../../node_modules/@sveltejs/kit/src/runtime/app/navigation.js', () => ({ invalidateAll: vi.fn() }));
// @ts-expect-error SvelteKit's runtime source ships without declarations.
import { enhance as kitEnhance } from '../../node_modules/@sveltejs/kit/src/runtime/app/forms.js';

afterEach(() => {
	document.body.innerHTML = '';
});

// ---------------------------------------------------------------------------------------------
// Random forms

const URLENCODED = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const TEXT = 'text/plain';

/** Characters that stress every encoder: reserved, quoted, non-ASCII, astral, whitespace. */
const char = fc.constantFrom('a', 'Z', '0', ' ', '&', '=', '+', '%', '#', '?', '/', '"', "'", '<', ';', '\\', 'é', '中', '😀', '\t', '.', '*', '~');
const text = (maxLength = 10) => fc.string({ unit: char, maxLength });
/** What a textarea holds: typed text with the LF newlines that Enter inserts. */
const lines = fc.string({ unit: fc.oneof({ weight: 5, arbitrary: char }, fc.constant('\n')), maxLength: 16 });
const name = fc
	.oneof({ weight: 2, arbitrary: fc.constantFrom('email', 'tags', 'x', '') }, fc.string({ unit: fc.oneof({ weight: 8, arbitrary: char }, fc.constant('\n')), minLength: 1, maxLength: 6 }))
	// `_charset_` is a hidden input the browser fills with the charset; not what this tests.
	.filter((n) => n.toLowerCase() !== '_charset_');
const enctypeAttribute = fc.option(fc.constantFrom(URLENCODED, MULTIPART, MULTIPART, TEXT, 'MULTIPART/FORM-DATA', 'Text/Plain', 'bogus', ''), { nil: undefined });
const actionAttribute = fc.option(fc.constantFrom('', '?/login', '/login?/save', 'other?/x', 'http://localhost:3000/abs?/a', '/päth?/ü=1'), {
	nil: undefined
});
/** Mostly false: a form of disabled fields sends little. */
const rarely = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true));
/** A field may sit in a disabled fieldset, or in the first legend of one (which keeps it enabled). */
const wrap = fc.constantFrom('none', 'none', 'none', 'none', 'fieldset', 'disabled fieldset', 'legend of disabled fieldset');

const file = fc.record({
	name: fc.string({ unit: fc.oneof({ weight: 8, arbitrary: char }, fc.constant('\n')), minLength: 1, maxLength: 8 }),
	type: fc.constantFrom('', 'text/plain', 'application/pdf', 'image/png'),
	bytes: fc.uint8Array({ maxLength: 24 })
});

type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

const field = fc.oneof(
	{ withCrossShrink: true },
	fc.record({ kind: fc.constant('input' as const), type: fc.constantFrom('text', 'search', 'email', 'password', 'hidden'), name, value: text(), disabled: rarely, wrap }),
	fc.record({ kind: fc.constant('textarea' as const), name, value: lines, disabled: rarely, wrap }),
	{
		weight: 2,
		arbitrary: fc.record({ kind: fc.constant('checkbox' as const), name, value: fc.option(text(), { nil: undefined, freq: 2 }), checked: fc.boolean(), disabled: rarely, wrap })
	},
	fc.record({
		kind: fc.constant('radios' as const),
		name,
		values: fc.array(fc.option(text(4), { nil: undefined }), { minLength: 1, maxLength: 3 }),
		checked: fc.option(fc.nat(2), { nil: undefined }),
		disabled: rarely,
		wrap
	}),
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('select' as const),
			name,
			multiple: fc.boolean(),
			options: fc.array(fc.record({ value: fc.option(text(4), { nil: undefined }), label: text(4), selected: fc.boolean(), disabled: fc.boolean() }), { maxLength: 4 }),
			disabled: rarely,
			wrap
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('file' as const),
			name,
			multiple: fc.boolean(),
			files: fc.oneof(fc.constant<FileSpec[]>([]), fc.array(file, { minLength: 1, maxLength: 3 })),
			disabled: rarely,
			wrap
		})
	},
	// Buttons that never submit: never sent.
	fc.record({ kind: fc.constant('inert button' as const), tag: fc.constantFrom('button type=button', 'button type=reset', 'input type=reset', 'input type=button'), name, value: text(4), wrap }),
	fc.record({
		kind: fc.constant('submit' as const),
		tag: fc.constantFrom('button', 'input'),
		name: fc.option(name, { nil: undefined }),
		value: fc.option(text(4), { nil: undefined }),
		formenctype: enctypeAttribute,
		formaction: actionAttribute,
		wrap: fc.constant('none')
	})
);
type Field = typeof field extends fc.Arbitrary<infer T> ? T : never;

const randomForm = fc.record({
	enctype: enctypeAttribute,
	action: actionAttribute,
	fields: fc.array(field, { maxLength: 10 }),
	/** Which submit button submits, if any (else `requestSubmit()` without a submitter). */
	submitter: fc.option(fc.nat(), { nil: undefined })
});
type RandomForm = typeof randomForm extends fc.Arbitrary<infer T> ? T : never;

/** The enctype a browser uses for an attribute value: the three it knows, else URL-encoded. */
function enctypeOf(value: string | undefined) {
	const lower = value?.toLowerCase();
	return lower === MULTIPART || lower === TEXT ? lower : URLENCODED;
}

/** Puts the form in the document. File inputs only where the submission is multipart. */
function build(spec: RandomForm) {
	document.body.innerHTML = '';
	const form = document.createElement('form');
	form.setAttribute('method', 'POST');
	// Constraint validation (an email field holding "a") stops a submission before any submit
	// event, natively as with enhance: not what this tests.
	form.noValidate = true;
	if (spec.enctype !== undefined) form.setAttribute('enctype', spec.enctype);
	if (spec.action !== undefined) form.setAttribute('action', spec.action);
	document.body.append(form);

	const submits = spec.fields.filter((f) => f.kind === 'submit');
	const chosen = spec.submitter === undefined || submits.length === 0 ? undefined : submits[spec.submitter % submits.length];
	const enctype = enctypeOf(chosen?.formenctype !== undefined ? chosen.formenctype : spec.enctype);
	let submitter: HTMLElement | null = null;

	for (const f of spec.fields) {
		if (f.kind === 'file' && enctype !== MULTIPART) continue;
		const elements = create(f);
		if (f === chosen) submitter = elements[0];
		let parent: HTMLElement = form;
		if (f.wrap !== 'none') {
			const fieldset = document.createElement('fieldset');
			if (f.wrap !== 'fieldset') fieldset.disabled = true;
			form.append(fieldset);
			parent = fieldset;
			if (f.wrap === 'legend of disabled fieldset') parent = fieldset.appendChild(document.createElement('legend'));
		}
		parent.append(...elements);
	}
	return { form, submitter, enctype };
}

function create(f: Field): HTMLElement[] {
	const input = (type: string) => {
		const element = document.createElement('input');
		element.type = type;
		return element;
	};
	const named = <T extends HTMLElement>(element: T, name: string | undefined) => {
		if (name !== undefined) element.setAttribute('name', name);
		return element;
	};
	switch (f.kind) {
		case 'input': {
			const element = named(input(f.type), f.name);
			// Hidden inputs submit their value attribute; the others what was typed.
			if (f.type === 'hidden') element.setAttribute('value', f.value);
			else element.value = f.value;
			element.disabled = f.disabled;
			return [element];
		}
		case 'textarea': {
			const element = named(document.createElement('textarea'), f.name);
			element.value = f.value;
			element.disabled = f.disabled;
			return [element];
		}
		case 'checkbox': {
			const element = named(input('checkbox'), f.name);
			if (f.value !== undefined) element.setAttribute('value', f.value);
			element.checked = f.checked;
			element.disabled = f.disabled;
			return [element];
		}
		case 'radios':
			return f.values.map((value, i) => {
				const element = named(input('radio'), f.name);
				if (value !== undefined) element.setAttribute('value', value);
				element.disabled = f.disabled && i === 0;
				if (f.checked === i) element.checked = true;
				return element;
			});
		case 'select': {
			const element = named(document.createElement('select'), f.name);
			element.multiple = f.multiple;
			element.disabled = f.disabled;
			for (const o of f.options) {
				const option = document.createElement('option');
				option.textContent = o.label;
				if (o.value !== undefined) option.value = o.value;
				option.disabled = o.disabled;
				element.append(option);
				if (o.selected) option.selected = true;
			}
			return [element];
		}
		case 'file': {
			const element = named(input('file'), f.name);
			element.multiple = f.multiple;
			element.disabled = f.disabled;
			const files = f.files.map((spec) => new File([spec.bytes], spec.name, { type: spec.type }));
			// As user-event's `upload` selects files.
			Object.defineProperty(element, 'files', { configurable: true, value: files });
			return [element];
		}
		case 'inert button': {
			const [tag, type] = f.tag.split(' type=');
			const element = named(tag === 'input' ? input(type) : document.createElement('button'), f.name);
			if (tag === 'button') element.setAttribute('type', type);
			element.setAttribute('value', f.value);
			return [element];
		}
		case 'submit': {
			const element = named(f.tag === 'input' ? input('submit') : document.createElement('button'), f.name);
			if (f.value !== undefined) element.setAttribute('value', f.value);
			if (f.formenctype !== undefined) element.setAttribute('formenctype', f.formenctype);
			if (f.formaction !== undefined) element.setAttribute('formaction', f.formaction);
			return [element];
		}
	}
}

// ---------------------------------------------------------------------------------------------
// The reference: a native submission, from the HTML spec (§ 4.10.21.4 and .7-.8)

type Entry = [string, string | File];

/** Disabled per the spec: its own attribute, or a disabled fieldset it is not in the first legend of. */
function disabled(element: Element): boolean {
	if (element.hasAttribute('disabled')) return true;
	if (element.localName === 'option') return element.parentElement?.localName === 'optgroup' && element.parentElement.hasAttribute('disabled');
	for (let fieldset = element.parentElement?.closest('fieldset'); fieldset; fieldset = fieldset.parentElement?.closest('fieldset')) {
		if (!fieldset.hasAttribute('disabled')) continue;
		const legend = [...fieldset.children].find((child) => child.localName === 'legend');
		if (!legend?.contains(element)) return true;
	}
	return false;
}

/** "Constructing the entry list", read off the DOM without FormData. */
function referenceEntries(form: HTMLFormElement, submitter: HTMLElement | null): Entry[] {
	const entries: Entry[] = [];
	for (const field of form.elements) {
		const tag = field.localName;
		if (!['button', 'input', 'select', 'textarea'].includes(tag)) continue; // submittable elements
		const type = (field.getAttribute('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
		const button = tag === 'button' || (tag === 'input' && ['submit', 'reset', 'button', 'image'].includes(type));
		if (field.closest('datalist') || disabled(field)) continue;
		if (button && field !== submitter) continue;
		if ((type === 'checkbox' || type === 'radio') && !(field as HTMLInputElement).checked) continue;
		const name = field.getAttribute('name');
		if (!name) continue;
		if (tag === 'select') {
			for (const option of (field as HTMLSelectElement).options) if (option.selected && !disabled(option)) entries.push([name, option.value]);
		} else if (tag === 'input' && (type === 'checkbox' || type === 'radio')) {
			entries.push([name, field.getAttribute('value') ?? 'on']);
		} else if (tag === 'input' && type === 'file') {
			const files = [...(field as HTMLInputElement).files!];
			if (files.length === 0) entries.push([name, new File([], '', { type: 'application/octet-stream' })]);
			for (const file of files) entries.push([name, file]);
		} else {
			entries.push([name, (field as HTMLInputElement).value]);
		}
	}
	return entries;
}

/** Every newline as CRLF, as each of the spec's form encoders writes them. */
const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');

/**
 * "Convert to a list of name-value pairs": the URL-encoded and text/plain encoders' input.
 * `newlines: false` skips the CRLF normalisation, as `new URLSearchParams(formData)` does.
 */
const pairs = (entries: Entry[], newlines = true) => {
	const normalise = newlines ? crlf : (s: string) => s;
	return entries.map(([n, v]) => [normalise(n), typeof v === 'string' ? normalise(v) : v.name]);
};

/** The application/x-www-form-urlencoded serializer (URL standard), byte by byte. */
function urlencode(entries: Entry[], newlines = true): string {
	const bytes = (s: string) =>
		[...new TextEncoder().encode(s)]
			.map((b) => (b === 0x20 ? '+' : /[*\-._0-9A-Za-z]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
			.join('');
	return pairs(entries, newlines)
		.map(([n, v]) => `${bytes(n)}=${bytes(v)}`)
		.join('&');
}

/** The multipart/form-data encoding algorithm (HTML spec + RFC 7578). */
async function multipart(entries: Entry[], boundary: string): Promise<Uint8Array> {
	const escape = (s: string) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
	const chunks: Uint8Array[] = [];
	const write = (s: string) => chunks.push(new TextEncoder().encode(s));
	for (const [n, v] of entries) {
		write(`--${boundary}\r\nContent-Disposition: form-data; name="${escape(crlf(n))}"`);
		if (typeof v === 'string') {
			write(`\r\n\r\n${crlf(v)}\r\n`);
		} else {
			write(`; filename="${escape(v.name)}"\r\nContent-Type: ${v.type || 'application/octet-stream'}\r\n\r\n`);
			chunks.push(new Uint8Array(await v.arrayBuffer()));
			write('\r\n');
		}
	}
	write(`--${boundary}--\r\n`);
	const body = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
	chunks.reduce((offset, chunk) => (body.set(chunk, offset), offset + chunk.length), 0);
	return body;
}

/** A readable form of what a server read: strings as they are, files by name, type and bytes. */
type Read = Array<[string, string | { file: string; type: string; bytes: number[] }]>;

async function readable(entries: Iterable<[string, FormDataEntryValue]>): Promise<Read> {
	const read: Read = [];
	for (const [n, v] of entries) {
		read.push([n, typeof v === 'string' ? v : { file: v.name, type: v.type, bytes: [...new Uint8Array(await v.arrayBuffer())] }]);
	}
	return read;
}

/** What a server on Node reads from a body: `request.formData()` (text/plain: see below). */
async function serverRead(contentType: string, body: string | Uint8Array): Promise<Read> {
	return readable(await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData());
}

/**
 * What a server reads from a native submission of `entries`. text/plain bodies (`name=value`
 * lines) cannot be parsed back unambiguously (the spec says so); the pairs the encoder writes
 * stand for them.
 */
async function nativeRead(entries: Entry[], enctype: string): Promise<Read> {
	if (enctype === URLENCODED) return serverRead(URLENCODED, urlencode(entries));
	if (enctype === TEXT) return pairs(entries) as Read;
	const boundary = '----reference-boundary-7MA4YWxkTrZu0gW';
	return serverRead(`${MULTIPART}; boundary=${boundary}`, await multipart(entries, boundary));
}

// ---------------------------------------------------------------------------------------------
// Submitting with both implementations

interface Sent {
	/** `fetch`'s arguments, normalised: the URL, init minus signal, headers as a sorted list. */
	url: string;
	init: Record<string, unknown>;
	signal: unknown;
	/** The request as the server received it. */
	contentType: string;
	text?: string;
	read: Read;
}

async function submitWith(use: (form: HTMLFormElement, submit: () => () => void) => { destroy(): void }, form: HTMLFormElement, submitter: HTMLElement | null): Promise<Sent> {
	const arrived = deferred<Request>();
	server.use(
		http.post(/.*/, ({ request }) => {
			arrived.resolve(request.clone());
			return actionResponse({ type: 'success', status: 204 });
		})
	);
	const fetchSpy = vi.spyOn(globalThis, 'fetch');
	const called = deferred();
	// A callback that does nothing, so neither implementation resets the form between the two.
	const action = use(form, () => () => called.resolve());
	if (submitter) form.requestSubmit(submitter);
	else form.requestSubmit();
	const request = await arrived.promise;
	await called.promise;
	action.destroy();
	const [url, { signal, headers, body, ...init }] = fetchSpy.mock.calls[0] as [URL, RequestInit];
	fetchSpy.mockRestore();

	const contentType = request.headers.get('content-type')!;
	const multipartBody = contentType.startsWith(MULTIPART);
	const text = multipartBody ? undefined : await request.clone().text();
	const read = multipartBody || contentType === URLENCODED ? await readable(await request.formData()) : await readable(new URLSearchParams(text));
	return {
		url: String(url),
		init: {
			...init,
			headers: [...new Headers(headers)].sort(),
			body: body instanceof FormData ? ['FormData', ...body] : body instanceof URLSearchParams ? ['URLSearchParams', String(body)] : body
		},
		signal,
		contentType: multipartBody ? MULTIPART : contentType,
		text,
		read
	};
}

const ours = (form: HTMLFormElement, submit: () => () => void) => enhance(form, submit);
const sveltekit = (form: HTMLFormElement, submit: () => () => void) => kitEnhance(form, submit);

/** The one difference, SvelteKit's: URL-encoded bodies keep LF where a native submission sends CRLF. */
const lf = (read: Read): Read => read.map(([n, v]) => [n.replace(/\r\n/g, '\n'), typeof v === 'string' ? v.replace(/\r\n/g, '\n') : v]);

/**
 * Not ours, the test platform's: the requests are encoded by Node's fetch (undici), which leaves
 * out `filename=""` for a file without a name (lib/web/fetch/body.js), so the empty file a file
 * input with nothing selected sends arrives as an empty string. Browsers write `filename=""`.
 */
const nodeFetch = (read: Read): Read => read.map(([n, v]) => [n, typeof v !== 'string' && v.file === '' && v.bytes.length === 0 ? '' : v]);

const COVERAGE = [
	URLENCODED,
	MULTIPART,
	TEXT,
	'a submitter with a name',
	'a formenctype that changes the enctype',
	'a formaction',
	'a selected file',
	'an empty file input',
	'a newline in a sent value',
	'a newline in a sent name',
	'a checkbox without value (on)',
	'a multi-select with several selected',
	'a selected disabled option (not sent)',
	'a disabled field (not sent)',
	'a field in the legend of a disabled fieldset (sent)',
	'a repeated name'
];

/** Which interesting cases a run exercises. */
function coverage(form: HTMLFormElement, submitter: HTMLElement | null, enctype: string, reference: Entry[]): string[] {
	const labels = [enctype];
	const names = reference.map(([n]) => n);
	const has = (selector: string) => form.querySelector(selector) !== null;
	if (submitter?.getAttribute('name')) labels.push('a submitter with a name');
	if (submitter?.hasAttribute('formenctype') && enctypeOf(submitter.getAttribute('formenctype')!) !== enctypeOf(form.getAttribute('enctype') ?? undefined)) {
		labels.push('a formenctype that changes the enctype');
	}
	if (submitter?.hasAttribute('formaction')) labels.push('a formaction');
	if (reference.some(([, v]) => typeof v !== 'string' && v.name !== '')) labels.push('a selected file');
	if (reference.some(([, v]) => typeof v !== 'string' && v.name === '')) labels.push('an empty file input');
	if (reference.some(([, v]) => typeof v === 'string' && v.includes('\n'))) labels.push('a newline in a sent value');
	if (names.some((n) => n.includes('\n'))) labels.push('a newline in a sent name');
	if (reference.some(([, v]) => v === 'on') && has('input[type=checkbox]:not([value]):checked')) labels.push('a checkbox without value (on)');
	if ([...form.querySelectorAll('select[multiple]')].some((select) => (select as HTMLSelectElement).selectedOptions.length > 1)) {
		labels.push('a multi-select with several selected');
	}
	if (has('option[disabled]:checked')) labels.push('a selected disabled option (not sent)');
	if (has('[name]:not(fieldset)[disabled]')) labels.push('a disabled field (not sent)');
	if ([...form.querySelectorAll('fieldset[disabled] > legend:first-of-type [name]')].some((element) => element !== submitter && !/^(button|submit|reset)$/.test((element as HTMLInputElement).type))) {
		labels.push('a field in the legend of a disabled fieldset (sent)');
	}
	if (new Set(names).size < names.length) labels.push('a repeated name');
	return labels;
}

describe('property: random forms', () => {
	test('send what SvelteKit 2 sends, and what a server reads from a native submission', async () => {
		history.replaceState(null, '', '/login');
		const seen = new Map<string, number>();
		await fc.assert(
			fc.asyncProperty(randomForm, async (spec) => {
				const { form, submitter, enctype } = build(spec);
				const reference = referenceEntries(form, submitter);
				for (const label of coverage(form, submitter, enctype, reference)) seen.set(label, (seen.get(label) ?? 0) + 1);

				const mine = await submitWith(ours, form, submitter);
				const kit = await submitWith(sveltekit, form, submitter);

				// 1. The request SvelteKit 2's enhance makes, argument for argument and byte for byte.
				expect(mine.url).toBe(kit.url);
				expect(mine.init).toEqual(kit.init);
				expect(mine.signal).toBeInstanceOf(AbortSignal);
				expect(kit.signal).toBeInstanceOf(AbortSignal);
				expect(mine.contentType).toBe(kit.contentType);
				expect(mine.text).toBe(kit.text);
				expect(mine.read).toEqual(kit.read);

				// 2. The entries a server reads from a native submission.
				expect(mine.contentType).toBe(enctype);
				const native = await nativeRead(reference, enctype);
				expect(mine.read).toEqual(enctype === MULTIPART ? nodeFetch(native) : lf(native));
				// URL-encoded bodies are, byte for byte, the spec's serializer minus newline normalisation.
				if (enctype !== MULTIPART) expect(mine.text).toBe(urlencode(reference, false));
				// And the reference itself is what a browser's FormData holds (jsdom's, gaps filled).
				expect(await readable(new FormData(form, submitter))).toEqual(await readable(reference));
			}),
			{ numRuns: 200, timeout: 3000 }
		);
		history.replaceState(null, '', '/');
		// The runs covered every case that matters, so the property cannot pass by missing them.
		for (const label of COVERAGE) expect(seen.get(label) ?? 0, label).toBeGreaterThanOrEqual(3);
	}, 60_000);
});

describe('the reference encoders agree with known native submissions', () => {
	test('URL-encoded: CRLF newlines, + for spaces, UTF-8 percent-escapes', () => {
		expect(urlencode([['a b', 'x\ny'], ['é', '&=+%']])).toBe('a+b=x%0D%0Ay&%C3%A9=%26%3D%2B%25');
	});

	test('the newline difference, shown once: a textarea line break', async () => {
		const { form, submitter } = build({
			enctype: undefined,
			action: '/login?/save',
			fields: [{ kind: 'textarea', name: 'notes', value: 'one\ntwo', disabled: false, wrap: 'none' }],
			submitter: undefined
		});
		const mine = await submitWith(ours, form, submitter);
		expect(mine.text).toBe('notes=one%0Atwo');
		expect(urlencode(referenceEntries(form, submitter))).toBe('notes=one%0D%0Atwo');
	});
});
