// Officials land on their organisation's agreements; /home sends staff on to the registry.
const FALLBACK = "/home";
// A stand-in origin: only the path is kept, so the real host does not matter.
const BASE = "http://avtalsregistret.invalid";

/**
 * Only same-site paths may be redirected to after sign-in. The value is parsed the way a
 * browser parses a Location (WHATWG URL: tabs and newlines removed, backslashes read as
 * slashes, surrounding spaces and controls trimmed), so `/<TAB>/evil.example`, `/\evil` or
 * `/.//evil` cannot smuggle in another host; what comes back is the normalised path.
 */
export function safeRedirectPath(value: string | undefined | null): string {
  if (typeof value !== "string" || value.length > 2048) return FALLBACK;
  const asBrowserReads = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  if (!asBrowserReads.startsWith("/")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(asBrowserReads, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return FALLBACK;
  return url.pathname + url.search + url.hash;
}
