import Papa from "papaparse";
import { neutraliseCell } from "./neutralise";

// The one CSV writer of the app: every CSV download (agreements, dashboard series and
// drill-downs, public data) is written here. papaparse (already the app's CSV reader) does the
// quoting; this adds what a spreadsheet needs: a byte-order mark so that Excel reads UTF-8
// (å, ä, ö, Chinese), CRLF line ends, and formula cells neutralised for any delimiter
// (see neutralise.ts), which papaparse's own escapeFormulae does only at a cell's start.

export type CsvValue = string | number | boolean | Date | null | undefined;
export type CsvDelimiter = "," | ";";

export interface CsvOptions {
  /** Default ",". Swedish Excel splits on ";", so an export may offer it. */
  delimiter?: CsvDelimiter;
}

export const BOM = "\uFEFF";

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  // Numbers and booleans are the app's own values, never a formula (and -1 must stay a number).
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return neutraliseCell(value);
}

/** A CSV text (with its byte-order mark) of the given columns of the given records. */
export function writeCsv<C extends string>(columns: readonly C[], records: readonly Partial<Record<C, CsvValue>>[], options: CsvOptions = {}): string {
  return writeCsvRows([...columns], records.map((r) => columns.map((c) => r[c])), options);
}

/** A CSV text (with its byte-order mark) of a header row and rows of cells. */
export function writeCsvRows(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const text = Papa.unparse(
    { fields: header.map(cell), data: rows.map((r) => r.map(cell)) },
    { delimiter: options.delimiter ?? ",", newline: "\r\n", escapeFormulae: false, quotes: false },
  );
  return `${BOM}${text}\r\n`;
}

/** A download response for a CSV text. */
export function csvResponse(fileName: string, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      ...headers,
    },
  });
}
