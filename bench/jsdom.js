// Per-submission overhead and `deserialize` cost, in Node with jsdom and MSW.
//
// Run as a child process (`node --expose-gc bench/jsdom.js <bundle>`): the DOM globals it sets
// must not leak into the orchestrator. `<bundle>` is `bench/jsdom/entry.js` built by `bundle()`:
// the library and Svelte's client runtime as a browser gets them, plus the same devalue copy
// the floor uses. Prints one JSON object on stdout.
import * as devalue from 'devalue';
import { JSDOM } from 'jsdom';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const ORIGIN = 'http://localhost';
const SUBMIT_PLAN = { samples: 800, warmup: 200 };
const DESERIALIZE_PLAN = { samples: 600, warmup: 100 };

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: `${ORIGIN}/bench` });
const { window } = dom;
// What the library and Svelte's client runtime read as globals in a browser.
for (const name of [
	'window', 'document', 'navigator', 'location', 'Node', 'Element', 'HTMLElement', 'HTMLFormElement',
	'HTMLInputElement', 'HTMLButtonElement', 'Event', 'SubmitEvent', 'FormData', 'File',
	'MutationObserver', 'getComputedStyle', 'requestAnimationFrame'
]) {
	Object.defineProperty(globalThis, name, { configurable: true, writable: true, value: window[name] });
}

const lib = await import(pathToFileURL(process.argv[2]).href);

/** Median of a list of numbers. @param {number[]} values */
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const gc = /** @type {() => void} */ (globalThis.gc ?? (() => {}));

/**
 * Times `samples` calls of every contender, strictly alternating (A B, then B A, …) so that
 * both meet the same machine state, after `warmup` calls each. Records each call's wall time
 * and the process's CPU time during it (which other processes on the machine do not inflate).
 * @param {Record<string, () => unknown>} contenders
 * @param {{ samples: number, warmup: number }} plan
 */
async function alternate(contenders, { samples, warmup }) {
	const names = Object.keys(contenders);
	for (const name of names) for (let i = 0; i < warmup; i++) await contenders[name]();
	/** @type {Record<string, { wall: number[], cpu: number[] }>} */
	const times = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: [] }]));
	const reversed = [...names].reverse();
	for (let i = 0; i < samples; i++) {
		// Collect now and then outside the timed calls, so no call inherits a big heap.
		if (i % 50 === 0) gc();
		for (const name of i % 2 ? reversed : names) {
			const run = contenders[name];
			const cpu = process.cpuUsage();
			const start = performance.now();
			const pending = run();
			if (pending) await pending;
			const wall = performance.now() - start;
			const { user, system } = process.cpuUsage(cpu);
			times[name].wall.push(wall);
			times[name].cpu.push((user + system) / 1000);
		}
	}
	return times;
}

/**
 * Medians of ours and of the floor; the ratio is the median of the per-pair ratios, which
 * stays put when the machine's load changes during the run (ratio of medians alongside).
 * @param {Record<string, { wall: number[], cpu: number[] }>} times
 */
function summary({ ours, floor }) {
	const paired = (/** @type {'wall' | 'cpu'} */ clock) => median(ours[clock].map((value, i) => value / floor[clock][i]));
	return {
		ours: median(ours.wall),
		floor: median(floor.wall),
		ratio: paired('wall'),
		ratioOfMedians: median(ours.wall) / median(floor.wall),
		cpu: { ours: median(ours.cpu), floor: median(floor.cpu), ratio: paired('cpu') },
		samples: ours.wall.length
	};
}

// ---------------------------------------------------------------------------------------------
// 2. Submission: submit event → the result's data in a `$state.raw` field, seen by an effect.
// ---------------------------------------------------------------------------------------------

let served = 0;
const server = setupServer(
	// One handler for both: parse the body as SvelteKit would, answer a fresh object each time.
	http.post(`${ORIGIN}/bench`, async ({ request }) => {
		const data = await request.formData();
		const body = { type: 'success', status: 200, data: devalue.stringify({ echo: data.get('text'), n: ++served }) };
		return HttpResponse.json(body);
	})
);
server.listen({ onUnhandledRequest: 'error' });

document.body.innerHTML = `
	<form id="ours" method="POST" action="?/echo"><input name="text" value="hello"><button>Send</button></form>
	<form id="floor" method="POST" action="?/echo"><input name="text" value="hello"><button>Send</button></form>`;
const oursForm = /** @type {HTMLFormElement} */ (document.getElementById('ours'));
const floorForm = /** @type {HTMLFormElement} */ (document.getElementById('floor'));

// Ours: `use:enhance` with no submit function, the default `update()` (reset, invalidateAll,
// applyAction → `page.form`, focus reset).
lib.enhance(oursForm);

// The floor: the least a correct client does — the same request, JSON.parse, devalue.parse,
// one assignment to reactive state.
const holder = new lib.Holder();
floorForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	const response = await fetch(new URL(floorForm.action), {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true', 'content-type': 'application/x-www-form-urlencoded' },
		cache: 'no-store',
		body: new URLSearchParams(/** @type {any} */ (new FormData(floorForm)))
	});
	const result = JSON.parse(await response.text());
	holder.form = lib.devalueParse(result.data);
});

/** Resolves when `read()`'s effect sees a new value. @type {Record<string, () => void>} */
const arrived = {};
lib.watch(() => lib.page.form, () => arrived.ours());
lib.watch(() => holder.form, () => arrived.floor());

/** @param {'ours' | 'floor'} name @param {HTMLFormElement} form */
const submitter = (name, form) => () =>
	new Promise((resolve) => {
		arrived[name] = () => resolve(undefined);
		form.requestSubmit();
	});

const submitTimes = await alternate(
	{ ours: submitter('ours', oursForm), floor: submitter('floor', floorForm) },
	SUBMIT_PLAN
);
server.close();

// ---------------------------------------------------------------------------------------------
// 5. deserialize on a ~100 KB body against JSON.parse + devalue.parse.
// ---------------------------------------------------------------------------------------------

/** A realistic action result: a list of records with the types devalue exists for. */
function payload() {
	const rows = [];
	for (let i = 0; rows.length < 10_000; i++) {
		rows.push({
			id: i,
			name: `User ${i}`,
			email: `user${i}@example.com`,
			active: i % 3 !== 0,
			createdAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
			tags: new Set(i % 2 ? ['admin', 'editor'] : ['viewer']),
			score: i * 1.5
		});
		const text = JSON.stringify({ type: 'success', status: 200, data: devalue.stringify({ rows }) });
		if (text.length >= 100_000) return text;
	}
	throw new Error('payload never reached 100 KB');
}
const text = payload();

const check = lib.deserialize(text);
const floorCheck = JSON.parse(text);
floorCheck.data = lib.devalueParse(floorCheck.data);
if (JSON.stringify(devalue.stringify(check)) !== JSON.stringify(devalue.stringify(floorCheck))) {
	throw new Error('deserialize and the floor disagree on the payload');
}

let sink = 0;
const deserializeTimes = await alternate(
	{
		ours: () => {
			sink += lib.deserialize(text).data.rows.length;
		},
		floor: () => {
			const result = JSON.parse(text);
			result.data = lib.devalueParse(result.data);
			sink += result.data.rows.length;
		}
	},
	DESERIALIZE_PLAN
);
if (!sink) throw new Error('nothing was parsed');

process.stdout.write(
	JSON.stringify({
		submit: { ...summary(submitTimes), served, plan: SUBMIT_PLAN },
		deserialize: { ...summary(deserializeTimes), bytes: text.length, plan: DESERIALIZE_PLAN }
	})
);
window.close();
