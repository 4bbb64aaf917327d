// What the jsdom benchmarks load: the library as a browser bundle (svelte included, compiled for
// the client), and the same copy of devalue for the hand-written floor.
export { enhance, deserialize, page } from 'svelte-form-actions';
export { parse as devalueParse } from 'devalue';
export { Holder, watch } from '../probe.svelte.js';
