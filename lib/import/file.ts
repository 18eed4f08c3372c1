import { columnOf, EXPORT_ONLY_COLUMNS, MAX_IMPORT_ROWS } from "./columns";
import { readCsvFile, type CsvDelimiter, type CsvEncoding } from "./read-file";

// An uploaded import file, read and checked for what every import needs before its rows are
// planned: text in a known encoding, the columns that name the parties, not too many rows.

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export interface ImportFile {
  rows: Record<string, string>[];
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Header cells of columns the import does not read. */
  ignored: string[];
  parseErrors: { row: number; message: string }[];
}

/** A refusal of the whole file: a catalogue key (under imports.file) and its values. */
export interface FileRefusal {
  ok: false;
  error: "invalid";
  message: string;
  values?: Record<string, string | number>;
}

export function readImportFile(bytes: Uint8Array): { ok: true; file: ImportFile } | FileRefusal {
  const refuse = (message: string, values?: FileRefusal["values"]): FileRefusal => ({ ok: false, error: "invalid", message: `imports.file.${message}`, values });
  if (bytes.byteLength > MAX_IMPORT_BYTES) return refuse("tooLarge", { max: MAX_IMPORT_BYTES / 1024 / 1024 });
  const read = readCsvFile(bytes);
  if (!read.ok) return refuse(read.reason);
  if (read.rows.length === 0) return refuse("empty");
  if (read.rows.length > MAX_IMPORT_ROWS) return refuse("tooMany", { max: MAX_IMPORT_ROWS, rows: read.rows.length });
  const known = read.headers.map(columnOf);
  if (!known.includes("foreign_party") || !(known.includes("swedish_party") || known.includes("swedish_party_code"))) {
    return refuse("noColumns", { delimiter: read.delimiter === "\t" ? "tab" : read.delimiter });
  }
  return {
    ok: true,
    file: {
      rows: read.rows,
      encoding: read.encoding,
      delimiter: read.delimiter,
      ignored: read.headers.filter((h, i) => h && !known[i] && !(EXPORT_ONLY_COLUMNS as readonly string[]).includes(h)),
      parseErrors: read.parseErrors,
    },
  };
}
