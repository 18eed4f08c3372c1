import iconv from "iconv-lite";
import Papa from "papaparse";

// Reads the bytes of a CSV file as the people who send them save it: Swedish Excel's "CSV UTF-8"
// (UTF-8 with a byte-order mark), plain "CSV" (Windows-1252, semicolon-separated, because the
// Swedish list separator is ";"), "Unicode text" (UTF-16, tab-separated), or UTF-8 without a
// mark from anything else. UTF-8 and UTF-16 are decoded by TextDecoder; Windows-1252 by iconv-lite
// (Node 20's TextDecoder("windows-1252") decodes ISO-8859-1 instead, losing – € ’ and friends).
// A file that is none of them is refused with what it looks like. Runs on the server: the
// import wizard sends the file's bytes, and the server decides what they say.

export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";
export type CsvDelimiter = "," | ";" | "\t";

export type UnreadableFile = { ok: false; reason: "xlsx" | "binary" | "unknownEncoding" };

export type ReadCsvResult =
  | {
      ok: true;
      encoding: CsvEncoding;
      delimiter: CsvDelimiter;
      headers: string[];
      rows: Record<string, string>[];
      /** Rows papaparse could not read (unbalanced quotes, …), numbered as a spreadsheet shows them. */
      parseErrors: { row: number; message: string }[];
    }
  | UnreadableFile;

/** Bytes Windows-1252 leaves undefined: a file holding them is in some other encoding. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** The text of the file, decoded in the encoding it is in, or why it cannot be read as text. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string; encoding: CsvEncoding } | UnreadableFile {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { ok: false, reason: "xlsx" };
  if (starts(0xef, 0xbb, 0xbf)) return { ok: true, text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  if (starts(0xff, 0xfe)) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (starts(0xfe, 0xff)) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (bytes.includes(0)) return { ok: false, reason: "binary" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: Windows-1252 is what Swedish Excel writes for "CSV", unless it has bytes it cannot hold.
    if (bytes.some((b) => UNDEFINED_IN_1252.has(b))) return { ok: false, reason: "unknownEncoding" };
    return { ok: true, text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252"), encoding: "windows-1252" };
  }
}

/** The delimiter of the header row: the one of , ; tab it holds most of (outside quotes). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as CsvDelimiter]++;
  }
  return (Object.keys(counts) as CsvDelimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), ",");
}

/** Reads a CSV file's bytes into rows keyed by their header. */
export function readCsvFile(bytes: Uint8Array): ReadCsvResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  return {
    ok: true,
    encoding: decoded.encoding,
    delimiter,
    headers: parsed.meta.fields ?? [],
    rows: parsed.data,
    parseErrors: parsed.errors.map((e) => ({ row: (e.row ?? 0) + 2, message: e.message })),
  };
}
