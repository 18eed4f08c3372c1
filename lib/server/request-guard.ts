import { MAX_UPLOAD_BYTES_PER_SAVE } from "../attachments/media-types";

// Requests refused before any route sees them (proxy.ts), with a clear 4xx instead of a crash
// deeper down: a body larger than any form may send (Next would cut it and the form parser
// fail with "Unexpected end of form"), and NUL characters, which no text field may hold
// (PostgreSQL refuses them in text, so they would surface as a 500).

/** The largest body accepted: a save's files plus room for its fields. next.config.js allows as much. */
export const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES_PER_SAVE + 2 * 1024 * 1024;

export type Refusal = { status: 400 | 413; error: string; message: string };

// A NUL as a raw character or as a JSON escape that is not itself escaped (`\\u0000` is text).
const NUL = /\u0000|(?<!\\)(?:\\\\)*\\u0000/i;

/** Checks the request line and headers (no body read). */
export function refuseByHeaders(url: URL, headers: Headers): Refusal | null {
  if (/%00/.test(url.pathname + url.search)) return nulRefusal();
  const length = Number(headers.get("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) {
    return {
      status: 413,
      error: "too_large",
      message: `The request is too large (${Math.ceil(length / 1048576)} MB); at most ${MAX_REQUEST_BYTES / 1048576} MB can be sent at once, ${MAX_UPLOAD_BYTES_PER_SAVE / 1048576} MB of files.`,
    };
  }
  return null;
}

/** Checks a text body (JSON, a server action's arguments, a form); multipart bodies carry files and are checked field by field. */
export function refuseByBody(contentType: string | null, body: string): Refusal | null {
  const type = contentType?.toLowerCase() ?? "";
  if (type.startsWith("multipart/")) return null;
  if (type.startsWith("application/x-www-form-urlencoded") && /%00/.test(body)) return nulRefusal();
  return NUL.test(body) ? nulRefusal() : null;
}

/** True when any string in a parsed value holds a NUL character. */
export function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v));
  return false;
}

function nulRefusal(): Refusal {
  return { status: 400, error: "invalid", message: "The request contains a NUL character, which no field may hold." };
}
