import { sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { dashboardApiResponse } from "./api";

describeEachDriver("the dashboard's JSON endpoints", (db) => {
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: false });
  });
  const get = (series: Parameters<typeof dashboardApiResponse>[1], query: string) => dashboardApiResponse(db(), series, new URLSearchParams(query));

  it("answers a series as JSON", async () => {
    const res = await get("in-force", "from=2016&to=2016&kind=twin_city");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { count: number }[]; query: { from: number } };
    expect(body.rows.reduce((n, r) => n + r.count, 0)).toBe(41);
    expect(body.query.from).toBe(2016);
  });

  it("refuses a bad parameter with 400, the field and a message", async () => {
    const res = await get("now", "asOf=2021-02-30&from=2030&to=2020");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors: Record<string, string>; message: string };
    expect(body.fieldErrors).toEqual({ asOf: "dashboard.errors.date", to: "dashboard.errors.range" });
    expect(body.message).toContain("asOf: Enter a date as YYYY-MM-DD.");
  });

  it("gives CSV with a header row, and the drill-down's rows in full", async () => {
    const res = await get("changes", "from=2017&to=2021&format=csv");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a byte-order mark, for spreadsheet programs
    expect(new TextDecoder().decode(bytes).split(/\r?\n/)[0]).toBe("year,change,split,value,count");
    const drill = await get("drilldown", "series=inForce&year=2021&kind=twin_city&format=csv");
    const lines = (await drill.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(29); // header + 28 agreements
    expect(lines.some((l) => l.includes("Överkalix"))).toBe(true);
  });

  it("labels counties and provinces in the now-counts", async () => {
    const body = (await (await get("now", "")).json()) as { rows: { dimension: string; value: string | null; label: string | null }[] };
    expect(body.rows.find((r) => r.dimension === "county" && r.value === "20")?.label).toBe("Dalarnas län");
    expect(body.rows.find((r) => r.dimension === "province" && r.label === "Hubei")).toBeTruthy();
  });

  // Last: it renames a seeded party.
  it("neutralises a formula in a party's name in the drill-down CSV, whichever delimiter a spreadsheet splits on", async () => {
    await db().execute(sql`UPDATE organizations SET name = 'Mora;=HYPERLINK("http://evil.example")' WHERE name = 'Överkalix'`);
    const text = (await (await get("drilldown", "series=inForce&year=2021&kind=twin_city&format=csv")).text()).replace(/^\uFEFF/, "");
    expect(text).toContain("HYPERLINK");
    for (const delimiter of [",", ";"]) {
      const cells = Papa.parse<string[]>(text, { delimiter }).data.flat();
      expect(cells.filter((c) => /^"*[=+@]/.test(c))).toEqual([]);
    }
  });
});
