import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";

// Sweden's official code lists (SCB), copied into the project from shared/reference.

export interface MunicipalityRow {
  municipality_code: string;
  municipality_name: string;
  county_code: string;
  county_name: string;
}
export interface CountyRow {
  county_code: string;
  county_name: string;
  region_name: string;
  county_board_name: string;
}

function readCsv<T>(file: string): T[] {
  const text = fs.readFileSync(path.join(process.cwd(), "db/seed/reference", file), "utf8");
  const parsed = Papa.parse<T>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join("; ")}`);
  }
  return parsed.data;
}

export function readMunicipalities(): MunicipalityRow[] {
  return readCsv<MunicipalityRow>("swedish-municipalities.csv");
}

export function readCounties(): CountyRow[] {
  return readCsv<CountyRow>("swedish-counties.csv");
}

/** "Länsstyrelsen i Uppsala län" → "Länsstyrelsen Uppsala" (the short form the report uses). */
export function countyBoardShortName(countyName: string): string {
  return `Länsstyrelsen ${countyName.replace(/s? län$/, "")}`;
}
