import { beforeAll, expect, it } from "vitest";
import { STAFF_READER } from "./test-fixtures";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { drilldownKeys } from "./drilldown";
import { reportFigures, type ReportFigures } from "./report-figures";
import type { DrilldownInput } from "../validation/dashboard";
import { drilldownSchema } from "../validation/dashboard";

describeEachDriver("the report's headline figures, from the seeded dataset", (db) => {
  let report: ReportFigures;
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: false });
    report = await reportFigures(db());
  });

  const figure = (id: string) => report.figures.find((f) => f.id === id)!;

  it("finds 41 twin-city agreements in force in 2016, the peak, one of them ended at an unknown date", () => {
    expect(figure("twin2016").value).toBe(41);
    expect(figure("peakYear").value).toBe(2016);
    expect(report.endedUnknown2016).toBe(1);
  });

  it("finds 28 twin-city agreements and one partnership in force in 2021: 29", () => {
    expect(figure("twin2021").value).toBe(28);
    expect(figure("partnership2021").value).toBe(1);
    expect(figure("total2021").value).toBe(29);
  });

  it("finds nine partnerships, 21 endings 2017–2021 of which one by the counterpart, and the appendix's four pauses", () => {
    expect(figure("partnershipsEver").value).toBe(9);
    expect(figure("endings2017to2021").value).toBe(21);
    expect(figure("endingsByCounterpart").value).toBe(1);
    expect(figure("pauses2017to2021")).toMatchObject({ value: 4, report: 4, reportText: 5 });
    expect(figure("total2016")).toMatchObject({ value: 50, report: 50, reportText: 49 });
  });

  it("matches the report (its appendix) on every figure", () => {
    for (const f of report.figures) expect(f.value, f.id).toBe(f.report);
  });

  it("lists exactly the agreements behind every figure", async () => {
    for (const f of report.figures.filter((f) => f.id !== "peakYear")) {
      const spec = drilldownSchema.parse(Object.fromEntries(Object.entries(f.drilldown).map(([k, v]) => [k, String(v)]))) as DrilldownInput;
      expect((await drilldownKeys(db(), STAFF_READER, spec)).length, f.id).toBe(f.value);
    }
  });
});
