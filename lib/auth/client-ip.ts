/**
 * The client's address for throttling and the audit log. `next start` sets X-Forwarded-For to
 * the socket's address when the request has none; a reverse proxy appends the address it saw.
 * The last entry is therefore the one added by the nearest hop we trust; earlier entries are
 * whatever the client claimed. (Behind several proxies, the last is the inner proxy's view.)
 */
export function clientIp(headers: Headers | null | undefined): string | null {
  if (!headers) return null;
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  const ip = last ?? headers.get("x-real-ip")?.trim();
  if (!ip) return null;
  return ip.replace(/^::ffff:/, "").slice(0, 64);
}
