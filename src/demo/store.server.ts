/**
 * The demo's server state, in memory: every server start begins from the same known state (one
 * user, a count of zero). The end-to-end tests rely on that, and on the counter's reset action.
 */

/** Registered users: email → password (a demo: never store passwords like this). */
export const users = new Map<string, string>([['demo@example.com', 'demo']]);

/** The counter page's count. */
export const counter = { count: 0 };
