/**
 * A Vitest setup file: `test.setupFiles: ['svelte-form-actions/testing/setup']` puts all library
 * state back after every test (page state, `configure` options, refreshers, recorded requests,
 * pages mounted by `renderPage`).
 */
import { afterEach } from 'vitest';
import { resetAll } from '../reset.js';

afterEach(resetAll);
