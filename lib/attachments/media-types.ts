// The files the register accepts as evidence, recognised by their content, not by what the
// browser or the file name claims. Anything else is refused, with a message that says why.

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_FILES_PER_SAVE = 5;
/** Files of one save together; the server's request limit (next.config) is set a little above. */
export const MAX_UPLOAD_BYTES_PER_SAVE = 40 * 1024 * 1024;

export const ALLOWED_MEDIA_TYPES = ["application/pdf", "message/rfc822", "image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

/** File name endings per type; the first is used for a download without a name. */
export const EXTENSIONS: Record<AllowedMediaType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "message/rfc822": ["eml"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
};

/** What browsers and mail programs call the same types. */
const ALIASES: Record<string, AllowedMediaType> = {
  "application/x-pdf": "application/pdf",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
};
/** Name endings that say what a file is; one of them on a file of another type is a mismatch. */
const KNOWN_EXTENSIONS = new Set([
  ...Object.values(EXTENSIONS).flat(),
  ...["doc", "docx", "odt", "rtf", "txt", "html", "htm", "svg", "xml", "msg", "zip", "exe", "js", "xls", "xlsx", "ppt", "pptx", "tif", "tiff", "bmp", "heic", "mp4", "mp3"],
]);
/** Declared types that say nothing: the content decides. */
const UNINFORMATIVE = new Set(["", "application/octet-stream", "binary/octet-stream", "application/unknown"]);

/** For the file input's `accept`. */
export const ACCEPT_ATTRIBUTE = [...ALLOWED_MEDIA_TYPES, ...Object.values(EXTENSIONS).flat().map((e) => `.${e}`)].join(",");

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the bytes are, among the allowed ones, or null. */
export function sniffMediaType(bytes: Uint8Array): AllowedMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (isPdf(bytes)) return "application/pdf";
  if (isEmail(bytes)) return "message/rfc822";
  return null;
}

/** A PDF starts with "%PDF-" (readers accept it within the first 1024 bytes) and has an end-of-file marker. */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const at = head.indexOf("%PDF-");
  if (at < 0 || !/^%PDF-\d\.\d/.test(head.slice(at))) return false;
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  return tail.includes("%%EOF");
}

const EMAIL_HEADERS = /^(from|to|subject|date|received|message-id|mime-version|return-path|delivered-to|reply-to|cc|x-[a-z0-9-]+):/im;

/** An RFC 5322 message: text, starting with header lines, with the headers a message has. */
function isEmail(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  const text = Buffer.from(head).toString("utf8");
  const headerBlock = text.split(/\r?\n\r?\n/)[0] ?? "";
  const lines = headerBlock.split(/\r?\n/).filter((l) => l !== "");
  if (lines.length < 2) return false;
  // Every line is a "Name: value" header or a folded continuation.
  if (!lines.every((l) => /^[\x21-\x39\x3b-\x7e]+:/.test(l) || /^[ \t]/.test(l))) return false;
  const names = new Set(lines.filter((l) => !/^[ \t]/.test(l)).map((l) => l.slice(0, l.indexOf(":")).toLowerCase()));
  return (names.has("from") || names.has("received")) && (names.has("date") || names.has("subject") || names.has("message-id")) && EMAIL_HEADERS.test(headerBlock);
}

export type UploadProblem =
  | { code: "empty" }
  | { code: "too_large"; maxBytes: number; sizeBytes: number }
  | { code: "type_not_allowed"; declaredType: string }
  | { code: "type_mismatch"; declaredType: string; actualType: AllowedMediaType }
  | { code: "extension_mismatch"; extension: string; actualType: AllowedMediaType }
  | { code: "name_invalid" };

export interface UploadCheck {
  ok: true;
  mediaType: AllowedMediaType;
  filename: string;
}

/** A name safe to store and to send back: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().normalize("NFC");
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - ext.length) + ext;
}

/** Size, allow-list, content and name: the one check every upload passes before anything is written. */
export function checkUpload(file: { filename: string; declaredType: string; bytes: Uint8Array }): UploadCheck | ({ ok: false } & UploadProblem) {
  const filename = cleanFilename(file.filename);
  if (filename === "" || filename === "." || filename === "..") return { ok: false, code: "name_invalid" };
  if (file.bytes.length === 0) return { ok: false, code: "empty" };
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, code: "too_large", maxBytes: MAX_ATTACHMENT_BYTES, sizeBytes: file.bytes.length };
  const declared = file.declaredType.split(";")[0]!.trim().toLowerCase();
  const declaredType = ALIASES[declared] ?? declared;
  const actual = sniffMediaType(file.bytes);
  if (!actual) return { ok: false, code: "type_not_allowed", declaredType: declaredType || "?" };
  if (!UNINFORMATIVE.has(declaredType) && declaredType !== actual) return { ok: false, code: "type_mismatch", declaredType, actualType: actual };
  const dot = filename.lastIndexOf(".");
  const extension = dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
  // A name ending that names another kind of file is refused; an unusual ending ("Protokoll 12.3") is not a claim.
  if (KNOWN_EXTENSIONS.has(extension) && !EXTENSIONS[actual].includes(extension)) {
    return { ok: false, code: "extension_mismatch", extension, actualType: actual };
  }
  return { ok: true, mediaType: actual, filename };
}
