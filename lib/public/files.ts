import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { writeCsvRows } from "../csv";
import type { Table } from "./dataset";

// The open data's files, each made from the same tables: CSV (UTF-8 with a byte-order mark, so
// that Excel reads å, ä, ö and Chinese), one XLSX workbook with a sheet per table, and JSON.

export interface DataFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
}

export const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * One table as CSV through the app's one CSV writer (lib/csv): BOM, CRLF, a header of the
 * schema's field names, empty cells for missing values, and a text cell that a spreadsheet
 * would run as a formula neutralised with a leading ' (numbers are left as they are).
 */
export function tableCsv(table: Table): Buffer {
  const names = table.fields.map((f) => f.name);
  return Buffer.from(writeCsvRows(names, table.rows.map((r) => names.map((n) => r[n] ?? null))), "utf8");
}

export function tablesJson(tables: Table[], meta: Record<string, unknown>): Buffer {
  const body = { ...meta, tables: Object.fromEntries(tables.map((t) => [t.name, t.rows])) };
  return Buffer.from(`${JSON.stringify(body, null, 2)}\n`, "utf8");
}

/**
 * An XLSX workbook for Excel (the Swedish one included: no CSV separator to guess, no encoding
 * to choose): an "Om datan" sheet with the title, licence and citation, then a sheet per table
 * with a bold, frozen header row and a filter. Written with a fixed creation date so that the same
 * data makes the same bytes.
 */
export async function tablesXlsx(tables: Table[], about: [string, string][], createdAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Avtalsregistret";
  wb.created = createdAt;
  wb.modified = createdAt;
  const info = wb.addWorksheet("Om datan");
  info.columns = [{ width: 24 }, { width: 100 }];
  for (const [k, v] of about) info.addRow([k, v]);
  info.getColumn(1).font = { bold: true };
  for (const table of tables) {
    const ws = wb.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = table.fields.map((f) => ({ header: f.name, key: f.name, width: Math.min(60, Math.max(10, f.name.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[f.name] ?? "").length + 1))) }));
    ws.getRow(1).font = { bold: true };
    for (const r of table.rows) ws.addRow(table.fields.map((f) => r[f.name] ?? null));
    if (table.fields.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.fields.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
