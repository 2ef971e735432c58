/**
 * Flags for the Debian Chromium that the end-to-end tests and the benchmarks drive. Headless
 * Chromium runs Chrome's own UI code: each new browser context preloads the omnibox popup (a
 * "top-chrome" WebUI page), which cost ~2.5 s of CPU per context here, competing with the app and
 * its host on two cores. The app never has that page (Electron has no browser UI), so it is off.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=PreloadTopChromeWebUI',
];
