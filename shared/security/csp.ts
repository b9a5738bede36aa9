/**
 * The renderer's Content-Security-Policy, the same in Electron (response header of app://),
 * in the local web fallback (header) and in the built index.html (meta tag).
 * Scripts only from our own origin: no inline script, no eval, no remote code.
 * Styles allow inline because antd writes its CSS-in-JS into <style> tags at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
