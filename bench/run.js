// `npm run bench`: every measurement of issue 7 in one run, one after the other (never in
// parallel: they would slow each other down), then `bench/results.json` and `bench/results.md`.
// Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Not part of CI's pass/fail: a missed
// target is reported in the table, and the exit code stays 0.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { clickToVisible, launchBrowser, memory, startApp } from './browser.js';
import { bundle, root } from './build.js';
import { markdown } from './report.js';
import { measureSizes } from './size.js';
import { unsavedTimes } from './unsaved.js';

const started = performance.now();
const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const tmp = here('./.tmp/');
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadAtStart = load();

/** @param {string} label @template T @param {() => Promise<T>} step @returns {Promise<T>} */
async function step(label, step) {
	const start = performance.now();
	process.stdout.write(`${label}… `);
	const result = await step();
	console.log(`${((performance.now() - start) / 1000).toFixed(1)} s`);
	return result;
}

/**
 * Runs `node args…` and resolves with its stdout; rejects with its stderr if it fails.
 * @param {string[]} args
 */
function node(args) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`node ${args.join(' ')} failed:\n${err}`))));
	});
}

// The demo app first: `vite build` also syncs `.svelte-kit/` (its tsconfig), which the other
// builds read.
await step('Building the demo app (vite build)', () => node(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error']));
const size = await step('1. Bundle sizes', measureSizes);
const jsdom = await step('2 + 5. Submission and deserialize in jsdom', async () => {
	await bundle({ input: here('./jsdom/entry.js'), outDir: `${tmp}jsdom` });
	return JSON.parse(await node(['--expose-gc', here('./jsdom.js'), `${tmp}jsdom/entry.js`]));
});

const browser = await launchBrowser();
const click = await step('3. Click → visible in Chromium', async () => {
	const app = await startApp();
	try {
		return await clickToVisible(browser, app.origin);
	} finally {
		app.stop();
	}
});
const mem = await step('4. Memory in Chromium', async () => {
	await bundle({ input: here('./memory/entry.js'), outDir: `${tmp}memory` });
	return memory(browser, `${tmp}memory/entry.js`);
});
const drafts = await step('6. unsaved() in Chromium', async () => {
	await bundle({ input: here('./unsaved/entry.js'), outDir: `${tmp}unsaved` });
	return unsavedTimes(browser, `${tmp}unsaved/entry.js`);
});
const chromiumVersion = browser.version();
await browser.close();

const { version: superformsVersion } = JSON.parse(await readFile(`${root}node_modules/sveltekit-superforms/package.json`, 'utf8'));
const results = {
	environment: {
		date: new Date().toISOString().slice(0, 10),
		node: process.versions.node,
		chromium: chromiumVersion,
		cpus: cpus().length,
		cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
		load: { start: loadAtStart, end: load() },
		seconds: (performance.now() - started) / 1000
	},
	size: { ...size, superformsVersion },
	jsdom,
	click,
	memory: mem,
	unsaved: drafts
};

const md = markdown(results);
await writeFile(here('./results.json'), `${JSON.stringify(results, null, '\t')}\n`);
await writeFile(here('./results.md'), md);
console.log(`\n${md}\nWritten: bench/results.json, bench/results.md`);
