import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { tableCsv } from "../public/files";
import { restoreCell, writeCsv, type CsvDelimiter } from ".";

const HOSTILE = [
  "=HYPERLINK(\"http://evil.example\",\"klicka\")",
  "Mora;=cmd|' /C calc'!A0",
  "Mora,=cmd|' /C calc'!A0",
  "Mora\t+SUM(A1)",
  "Mora|@SUM(A1)",
  "a\n-2+3",
  "a\r\n=1",
  "a;\"=1",
  "a;\"\"@x",
  "'=already quoted",
  "a;''+b",
  "\t\t=x",
  "\r=x",
  "Xi'an – Shaanxi",
  "utbildning; kultur",
  "2019-05",
  "Östad \"citat\", här",
];

function writeToFile(text: string): Buffer {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "csv-")), "export.csv");
  fs.writeFileSync(file, text, "utf8");
  return fs.readFileSync(file);
}

/** Every cell a reader would see when it splits the file on `delimiter`, by the rules or naively. */
function cellsWhenSplitOn(text: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false }).data.flat();
  const naive = text.split(/\r\n|\r|\n/).flatMap((line) => line.split(delimiter));
  return [...parsed, ...naive];
}

const startsAsFormula = (cell: string) => /^"*[=+\-@\t\r]/.test(cell);

describe("the CSV writer", () => {
  for (const delimiter of [",", ";"] as CsvDelimiter[]) {
    it(`writes UTF-8 with a byte-order mark and no cell that runs as a formula in any split (written with "${delimiter}")`, () => {
      const records = HOSTILE.map((text, i) => ({ n: i, text, other: `x${delimiter}${text}` }));
      const bytes = writeToFile(writeCsv(["n", "text", "other"], records, { delimiter }));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8").slice(1);
      expect(text).toContain("Östad");

      for (const split of [",", ";", "\t", "|"]) {
        const risky = cellsWhenSplitOn(text, split).filter(startsAsFormula);
        expect(risky, `split on ${JSON.stringify(split)}`).toEqual([]);
      }

      // Read back with its own delimiter and restored, every cell is what was written.
      const back = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true }).data;
      expect(back.map((r) => [Number(r.n), restoreCell(r.text!), restoreCell(r.other!)])).toEqual(records.map((r) => [r.n, r.text, r.other]));
    });
  }

  it("leaves numbers, dates and plain text as they are", () => {
    const text = writeCsv(["a", "b", "c", "d"], [{ a: -3, b: new Date("2026-12-01T10:00:00Z"), c: "Håbo", d: null }]);
    expect(text).toBe("\uFEFFa,b,c,d\r\n-3,2026-12-01T10:00:00.000Z,Håbo,\r\n");
  });
});

describe("every CSV of the app goes through the one writer", () => {
  it("the open data's tables too: a party's name that is a formula is neutralised whichever delimiter a spreadsheet splits on", () => {
    const bytes = tableCsv({
      name: "agreements",
      description: "",
      fields: [
        { name: "id", type: "string", description: "" },
        { name: "swedish_party", type: "string", description: "" },
        { name: "established_year", type: "integer", description: "" },
      ],
      rows: [{ id: "a1", swedish_party: 'Mora;=HYPERLINK("http://evil.example","klicka")', established_year: 1999 }],
    } as unknown as Parameters<typeof tableCsv>[0]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text).toContain("HYPERLINK");
    for (const split of [",", ";", "\t", "|"]) expect(cellsWhenSplitOn(text, split).filter(startsAsFormula), split).toEqual([]);
    // Read back with its delimiter and restored (as the import does), the cells are what was written.
    expect(Papa.parse<string[]>(text, { delimiter: "," }).data[1]!.map(restoreCell)).toEqual(["a1", 'Mora;=HYPERLINK("http://evil.example","klicka")', "1999"]);
  });

  it("no code outside lib/csv writes CSV itself", () => {
    const offenders: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.includes(".test.") ? [path.join(dir, e.name)] : [],
      );
    for (const root of ["lib", "app", "components", "scripts"]) {
      for (const file of walk(path.join(process.cwd(), root))) {
        const rel = path.relative(process.cwd(), file);
        if (rel.startsWith(path.join("lib", "csv"))) continue;
        if (/\bunparse\s*\(/.test(fs.readFileSync(file, "utf8"))) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });
});
