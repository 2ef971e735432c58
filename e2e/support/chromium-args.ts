/**
 * Flags for the Debian Chromium that the end-to-end tests and the benchmarks drive. Headless
 * Chromium runs Chrome's own UI code: each new browser context creates the omnibox popup (a
 * "top-chrome" WebUI page in a renderer process of its own), which cost ~2.5 s of CPU for the
 * first context and ~0.5 s for every further one here, competing with the app and its host on two
 * cores. The app never has that page (Electron has no browser UI), so it is off: the preloading
 * (`PreloadTopChromeWebUI`) and the WebUI popups themselves (`WebUIOmniboxPopup`,
 * `WebUIOmniboxAimPopup`, which Chromium 156 still creates with each context when nothing is
 * preloaded). Checked with CDP `Target.getTargets` on the browser: with these flags a context holds
 * only its page, and a page load to the library costs Chromium ~0.9 s of CPU instead of ~1.7 s.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
