/**
 * The Content Security Policy, with a fresh nonce per request (proxy.ts). Next reads the nonce
 * from the request's CSP header and puts it on its own inline and bundled scripts, so scripts
 * need `'nonce-…' 'strict-dynamic'` and nothing else. Styles allow inline `style` attributes
 * (React and the charts set them; they cannot carry a nonce); everything else is same-origin.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, frameAncestors = "'none'" }: { dev?: boolean; frameAncestors?: string } = {}): string {
  return [
    "default-src 'self'",
    // React's development build uses eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
