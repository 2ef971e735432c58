/**
 * The renderer's Content-Security-Policy: only the app's own scripts, styles and host; no inline
 * script, no eval, no remote content. `renderer/index.html` carries the same policy in a meta tag
 * (checked by a test), so it holds in Electron and in browser mode alike.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
