// The page CSP, built per request by proxy.ts around a fresh nonce: only scripts carrying that
// nonce (Next's bootstrap and chunks, which Next tags from the request's CSP header) run, and
// 'strict-dynamic' lets them load the rest. Styles keep 'unsafe-inline': React and recharts set
// style attributes, which a style nonce would block, and CSS cannot run code.
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // React's dev build needs eval for its stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
