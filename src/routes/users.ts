/** The demo's user store: in memory, so every server start begins with one known user. */
export const users = new Map<string, string>([['demo@example.com', 'demo']]);
