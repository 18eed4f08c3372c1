import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
// @ts-expect-error -- the Frictionless library ships no types
import { Package } from "datapackage";
import ExcelJS from "exceljs";
import { queryRows } from "@/db/client";
import { dataReleaseFiles, revisions, sources } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { databaseError, describeEachDriver } from "@/db/testing";
import { actingAs, agreementWithHistory, ANALYST, eventInput, REVIEWER } from "../events/test-support";
import { logStatusChange } from "../events/log-status-change";
import { setSourceVisibility } from "../sources/set-visibility";
import { findPublicAgreement, getPublicAgreement, searchPublicAgreements } from "./agreements";
import { publicationVersion } from "./cache";
import { publicTables } from "./dataset";
import { getRelease, releaseFile } from "./open-data";
import { buildBundle } from "./package";
import { publishRelease } from "./publish-release";
import { DEFAULT_QUERY } from "../agreements/query-params";

const ORIGIN = "https://avtal.example.se";

describeEachDriver("the public read layer and open data", (db) => {
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  it("publishes the report's agreements, with every seeded source public", async () => {
    const tables = await publicTables(db(), ORIGIN);
    expect(tables.find((t) => t.name === "agreements")!.rows.length).toBeGreaterThanOrEqual(56);
    const [internal] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM sources WHERE visibility <> 'public'`);
    expect(internal!.n).toBe(0);
    const page = await searchPublicAgreements(db(), { ...DEFAULT_QUERY, q: "Wuhan" });
    expect(page.rows.map((r) => r.swedishName)).toContain("Borlänge");
    const borlange = page.rows.find((r) => r.swedishName === "Borlänge")!;
    expect(borlange.slug).toMatch(/^borlange-wuhan-vanort-[0-9a-f]{8}$/);
    expect((await findPublicAgreement(db(), borlange.slug))?.id).toBe(borlange.id);
  });

  it("shows a confidential source only as its kind and year, drops an internal one, and records the change as a revision", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const { agreementId } = await agreementWithHistory(db(), []);
    const secret = { kind: "interview", citation: "", title: "", url: "", retrievedOn: "", interviewNumber: "7", interviewer: "Hemlig Intervjuare", date: { precision: "year", value: "2020" } };
    const internalNote = { kind: "email", citation: "", title: "", url: "", retrievedOn: "", correspondent: "Intern Korrespondent", date: { precision: "day", value: "2021-03-04" } };
    const logged = await logStatusChange({ ctx, input: eventInput(agreementId, { status: "active", effective: { precision: "year", value: "2019" }, sources: [{ mode: "new", source: secret, quote: "Hemligt citat", page: "", allowDuplicate: false }, { mode: "new", source: internalNote, quote: "", page: "", allowDuplicate: false }] }) });
    expect(logged.ok, JSON.stringify(logged)).toBe(true);
    const [interview] = await db().select().from(sources).where(eq(sources.interviewer, "Hemlig Intervjuare"));
    expect(interview!.visibility).toBe("internal"); // new sources start internal
    const set = await setSourceVisibility({ ctx, input: { id: interview!.id, version: interview!.version, visibility: "confidential", reason: "Intervjupersonen vill vara anonym" } });
    expect(set.ok).toBe(true);
    const [rev] = await db().select().from(revisions).where(eq(revisions.entityId, interview!.id)).orderBy(sql`${revisions.id} DESC`).limit(1);
    expect(rev).toMatchObject({ action: "source.visibility", before: { visibility: "internal" }, after: { visibility: "confidential" }, changedFields: ["visibility"] });

    const pub = await getPublicAgreement(db(), agreementId);
    const uses = pub!.events.flatMap((e) => e.sources);
    expect(uses).toEqual([{ source: { visibility: "confidential", id: interview!.id, kind: "interview", year: 2020 }, quote: null, page: null }]);
    const everything = JSON.stringify([pub, await publicTables(db(), ORIGIN)]);
    for (const secretText of ["Hemlig Intervjuare", "Hemligt citat", "Intern Korrespondent", ANALYST, "Demo Analytiker"]) expect(everything).not.toContain(secretText);

    const stale = await setSourceVisibility({ ctx, input: { id: interview!.id, version: interview!.version, visibility: "public" } });
    expect(stale).toMatchObject({ ok: false, message: "sources.errors.stale" });
  });

  it("bumps the publication version once per committed change of published data, not for a rolled-back one", async () => {
    const before = await publicationVersion(db());
    await agreementWithHistory(db(), [["active", "2019"]]);
    const afterTwo = await publicationVersion(db());
    expect(afterTwo).toBeGreaterThan(before);
    await db().transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO counties (code, name) VALUES ('99', 'Testlän')`);
      await tx.execute(sql`UPDATE counties SET name = 'Testlän 2' WHERE code = '99'`);
    });
    expect(await publicationVersion(db())).toBe(afterTwo + 1);
    await db()
      .transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM counties WHERE code = '99'`);
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await publicationVersion(db())).toBe(afterTwo + 1);
  });

  it("describes the files with a Frictionless Data Package that the Frictionless library accepts, data included", async () => {
    const tables = await publicTables(db(), ORIGIN);
    const files = await buildBundle(tables, { version: "current", asOf: new Date("2026-12-01T10:00:00Z"), origin: ORIGIN, license: "CC-BY-4.0" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-datapackage-"));
    // The Frictionless JS reader does not skip a byte-order mark (Python's does): it reads the
    // files without it, and the mark is checked on its own below.
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.name.endsWith(".csv") && f.bytes.subarray(0, 3).equals(BOM) ? f.bytes.subarray(3) : f.bytes);
    const descriptor = JSON.parse(fs.readFileSync(path.join(dir, "datapackage.json"), "utf8"));
    const pkg = await Package.load(descriptor, { basePath: dir, strict: false });
    expect(pkg.errors.map(String)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(descriptor.licenses[0].name).toBe("CC-BY-4.0");
    for (const name of pkg.resourceNames as string[]) {
      const resource = pkg.getResource(name);
      // Reading with the schema casts every cell (types, required, enums) and checks the header.
      const rows = await resource.read({ keyed: true, relations: name === "agreements" || name === "events" });
      expect(rows.length, name).toBe(tables.find((t) => t.name === name)!.rows.length);
    }
    const agreementsCsv = files.find((f) => f.name === "agreements.csv")!.bytes;
    expect([...agreementsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.find((f) => f.name === "avtalsregistret.xlsx")!.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("agreements")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("id");
    expect(sheet.rowCount - 1).toBeGreaterThanOrEqual(56);
    const values = JSON.stringify(sheet.getSheetValues());
    expect(values).toContain("Borlänge");
    expect(values).toContain("武汉");
    const cff = files.find((f) => f.name === "CITATION.cff")!.bytes.toString();
    expect(cff).toContain("cff-version: 1.2.0");
    const dcat = JSON.parse(files.find((f) => f.name === "dcat.jsonld")!.bytes.toString());
    expect(dcat["@type"]).toBe("dcat:Dataset");
    expect(dcat["dcat:distribution"].length).toBeGreaterThanOrEqual(7);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("publishes 2026.1, then after an approval-like change 2026.2 lists it, and 2026.1's files stay byte-identical", async () => {
    const reviewer = await actingAs(db(), REVIEWER);
    const analyst = await actingAs(db(), ANALYST);
    expect(await publishRelease({ ctx: analyst, input: { note: "x" }, origin: ORIGIN }).catch((e: Error) => e.name)).toBe("ForbiddenError");
    const first = await publishRelease({ ctx: reviewer, input: { note: "Första utgåvan" }, origin: ORIGIN });
    expect(first).toMatchObject({ ok: true, value: { version: "2026.1" } });
    const filesBefore = await db().select({ name: dataReleaseFiles.name, sha256: dataReleaseFiles.sha256, bytes: dataReleaseFiles.bytes }).from(dataReleaseFiles);

    const { agreementId } = await agreementWithHistory(db(), [["active", "2019"]]);
    const ended = await logStatusChange({ ctx: analyst, input: eventInput(agreementId) });
    expect(ended.ok).toBe(true);
    const second = await publishRelease({ ctx: reviewer, input: { note: "Andra" }, origin: ORIGIN, now: new Date(Date.now() + 1000) });
    expect(second.ok && second.value.version).toBe(`${new Date().getUTCFullYear()}.${new Date().getUTCFullYear() === 2026 ? 2 : 1}`);
    const r2 = await getRelease(db(), second.ok ? second.value.version : "");
    expect(r2!.changes.statusChanges.map((c) => c.detail)).toContain("terminated 2020");
    expect(r2!.changes.agreementsAdded.map((c) => c.id), JSON.stringify(r2!.changes)).toContain(agreementId);

    const r1 = await getRelease(db(), "2026.1");
    expect(r1!.contentHash).toBe(first.ok && first.value.contentHash);
    for (const f of filesBefore) {
      const now = await releaseFile(db(), "2026.1", f.name);
      expect(Buffer.compare(now!.bytes, f.bytes), f.name).toBe(0);
    }
    expect(await databaseError(db().execute(sql`UPDATE data_release_files SET sha256 = 'x'`))).toContain("append-only");
    const again = await publishRelease({ ctx: reviewer, input: { note: "dubbel", version: "2026.1" }, origin: ORIGIN });
    expect(again).toMatchObject({ ok: false, message: "publish.release.errors.versionTaken" });
  });
});
