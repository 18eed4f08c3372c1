import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { agreements, revisions, statusEvents, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { queryAllAgreements } from "../agreements/list";
import { DEFAULT_QUERY } from "../agreements/query-params";
import type { WriteContext } from "../agreements/write";
import { writeCsv } from "../csv";
import { readCsvFile } from "../import/read-file";
import { planImport } from "../import/plan";
import { runImport } from "../import/run";
import { agreementsToCsv, EXPORT_COLUMNS } from "./agreements";

// The table's export round-trips: exported, edited in a spreadsheet and imported again, it
// changes exactly the edits; imported unedited, it changes nothing.

describeEachDriver("the agreements export round-trips through the import", (db) => {
  let ctx: WriteContext;
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const [analyst] = await db().select().from(users).where(eq(users.email, "analytiker@demo.avtalsregistret.se"));
    ctx = { db: db(), user: { id: analyst!.id, roles: analyst!.roles, organizationId: null } };
  });
  const exported = async (options: Parameters<typeof agreementsToCsv>[2] = {}) => {
    const read = readCsvFile(new TextEncoder().encode(await agreementsToCsv(db(), await queryAllAgreements(db(), DEFAULT_QUERY), options)));
    if (!read.ok) throw new Error(read.reason);
    return read.rows;
  };

  it("imports an unedited export of the seeded dataset as no changes, with codes or with Swedish labels and semicolons", async () => {
    const seeded = await queryAllAgreements(db(), DEFAULT_QUERY);
    expect(seeded.length).toBeGreaterThan(50);
    for (const options of [{}, { labels: "sv" as const, delimiter: ";" as const }, { labels: "en" as const }]) {
      const rows = await exported(options);
      const plan = await planImport(db(), rows);
      expect(plan.rows.filter((r) => r.action !== "skip").map((r) => [r.row, r.issues])).toEqual([]);
      expect(plan.counts).toEqual({ create: 0, update: 0, skip: seeded.length, error: 0 });
      expect(new Set(plan.rows.map((r) => r.skip?.reason))).toEqual(new Set(["unchanged"]));
    }
    const labelled = await exported({ labels: "sv" });
    expect(labelled.some((r) => r.kind === "Vänortssamarbete" && r.swedish_party_kind === "Kommun")).toBe(true);
  });

  it("imports an edited export as exactly the edits, each with its revision, and then as no changes again", async () => {
    const rows = await exported({ labels: "sv" });
    const before = await db().select({ id: agreements.id, version: agreements.version }).from(agreements);
    const eventsBefore = (await db().select().from(statusEvents)).length;
    const [a, b, c] = [rows[0]!, rows[5]!, rows[9]!];
    a.designation = "Vänskapsavtal (ändrat i Excel)";
    b.areas = [b.areas, "idrott"].filter(Boolean).join("; ");
    c.notes = "=HYPERLINK(\"x\") och en rad\ntill";
    c.established = "2001";
    const edited = writeCsv(EXPORT_COLUMNS, rows as Record<string, string>[], { delimiter: ";" });
    const read = readCsvFile(new TextEncoder().encode(edited));
    if (!read.ok) throw new Error(read.reason);

    const plan = await planImport(db(), read.rows);
    expect(plan.counts).toMatchObject({ create: 0, update: 3, error: 0 });
    expect(plan.rows.filter((r) => r.action === "update").map((r) => [r.update!.id, r.update!.changed])).toEqual([
      [a.id, ["designation"]],
      [b.id, ["areas"]],
      [c.id, ["established", "notes"]],
    ]);

    const outcome = await runImport({ ctx, rows: read.rows, fileName: "redigerad.csv" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome).slice(0, 500));
    expect(outcome.updated.map((u) => u.id)).toEqual([a.id, b.id, c.id]);
    const [storedC] = await db().select().from(agreements).where(eq(agreements.id, c.id!));
    expect(storedC).toMatchObject({ notes: "=HYPERLINK(\"x\") och en rad\ntill", establishedOn: "2001-01-01", establishedPrecision: "year" });
    const revision = (await db().select().from(revisions).where(eq(revisions.entityId, c.id!))).at(-1)!;
    expect(revision).toMatchObject({ action: "agreement.update", reason: "Import (redigerad.csv), row 11" });
    expect(revision.changedFields).toEqual(expect.arrayContaining(["establishedOn", "notes"]));

    // Only the three edited agreements moved to a new version; no status event was written.
    const after = new Map((await db().select({ id: agreements.id, version: agreements.version }).from(agreements)).map((r) => [r.id, r.version]));
    expect(before.filter((r) => after.get(r.id) !== r.version).map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(before.filter((r) => after.get(r.id) !== r.version)).toHaveLength(3);
    expect((await db().select().from(statusEvents)).length).toBe(eventsBefore);

    // The export itself (issue 10 #10): the formula in the notes is no formula whichever delimiter
    // a spreadsheet splits on, written with commas or with semicolons.
    for (const delimiter of [",", ";"] as const) {
      const text = (await agreementsToCsv(db(), await queryAllAgreements(db(), DEFAULT_QUERY), { delimiter })).slice(1);
      expect(text).toContain("HYPERLINK");
      for (const split of [",", ";"]) {
        const cells = [...Papa.parse<string[]>(text, { delimiter: split }).data.flat(), ...text.split(/\r\n|\n/).flatMap((l) => l.split(split))];
        expect(cells.filter((cell) => /^"*[=+@]/.test(cell)), `${delimiter} split on ${split}`).toEqual([]);
      }
    }

    // A new export imports as no changes; the old file is now stale for the edited rows.
    const again = await planImport(db(), await exported());
    expect(again.counts).toMatchObject({ create: 0, update: 0, error: 0 });
    const stale = await planImport(db(), read.rows);
    expect(stale.rows.filter((r) => r.action === "error").map((r) => r.issues[0]!.code)).toEqual(["stale", "stale", "stale"]);
  });

  it("refuses what an import does not change: parties, kind and status of an exported agreement", async () => {
    const rows = (await exported()).slice(0, 3);
    rows[0]!.kind = rows[0]!.kind === "twin_city" ? "partnership" : "twin_city";
    rows[1]!.status = rows[1]!.status === "dormant" ? "active" : "dormant";
    rows[2]!.id = "00000000-0000-4000-8000-000000000000";
    const plan = await planImport(db(), rows);
    expect(plan.rows.map((r) => r.issues.map((i) => i.code))).toEqual([["identityChanged"], ["statusChange"], ["idNotFound"]]);
  });
});
