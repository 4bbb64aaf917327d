// renderPage by route needs the svelteKitTesting() plugin (this project runs without it): the
// error says what to add, instead of a page that never renders.
import { expect, test } from 'vitest';
import { renderPage } from '../src/lib/testing/index.js';

test('without the plugin, renderPage(route) says which plugin finds the routes', async () => {
	await expect(renderPage('/login')).rejects.toThrow(
		"renderPage('/login') finds the route's files with the svelteKitTesting() Vite plugin: add it to the plugins of your Vite config"
	);
});
