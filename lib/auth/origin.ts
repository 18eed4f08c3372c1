/**
 * CSRF protection for mutating requests that are not server actions (Next checks those
 * itself): a browser sends `Origin` with every POST, PUT, PATCH and DELETE, and
 * `Sec-Fetch-Site` with every request. A request whose origin is another site is refused.
 * Requests without either header do not come from a browser, so they cannot ride on a
 * victim's cookies; they still need a valid session like any other.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isMutation(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function isSameOriginRequest(method: string, requestUrl: string, headers: Headers): boolean {
  if (!isMutation(method)) return true;
  const origin = headers.get("origin");
  if (origin) {
    if (origin === "null") return false;
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return false;
    }
    return allowedHosts(requestUrl, headers).has(originHost);
  }
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  return true;
}

function allowedHosts(requestUrl: string, headers: Headers): Set<string> {
  const hosts = new Set<string>();
  for (const value of [headers.get("x-forwarded-host"), headers.get("host")]) {
    for (const h of value?.split(",") ?? []) if (h.trim()) hosts.add(h.trim().toLowerCase());
  }
  try {
    hosts.add(new URL(requestUrl).host.toLowerCase());
  } catch {
    // a relative URL adds nothing
  }
  return hosts;
}
