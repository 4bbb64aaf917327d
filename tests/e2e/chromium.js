// How this repository starts Chromium, shared by the end-to-end tests and the benchmarks:
// Debian's build (nothing is downloaded; elsewhere, point CHROMIUM_PATH at a Chrome), headless,
// with every background connection off (this machine's network is closed).

/** The Chromium binary. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags it runs with. */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
