import { count, eq, inArray, like } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { agreements, organizations, revisions, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { queryAllAgreements } from "../agreements/list";
import { DEFAULT_QUERY } from "../agreements/query-params";
import type { WriteContext } from "../agreements/write";
import { agreementsToCsv } from "../export/agreements";
import { columnOf, parseKind } from "./columns";
import fs from "node:fs";
import path from "node:path";
import { planImport } from "./plan";
import { decodeCsvBytes, readCsvFile } from "./read-file";
import { runImport } from "./run";
import { getImportJob, registerImportJobs, resumeImportJobs, runImportJob, startImportJob } from "./jobs";
import { startJobs, type JobRuntime } from "../jobs";
import { eventSources, importJobs, sources, statusEvents } from "@/db/schema";
import { createAgreement } from "../agreements/create";

function csv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true }).data;
}

const GOOD = csv(`
swedish_party,foreign_party,foreign_party_native,foreign_party_province,kind,established,designation,areas
Kiruna,Xiaogan,孝感市,Hubei,vänortssamarbete,2019-05,Vänortsavtal,utbildning; kultur
Kiruna,Xiaogan,,,kommunalt partnerskap,2020,,
Malmö,Tangshan,,,twin_city,1986,,
Kiruna,Xiaogan,,,twin_city,,Samma igen,
Gällivare,Wuhan,,,partnership,2021-03-04,,
`);

describe("import columns", () => {
  it("reads English and Swedish headers and kinds, whatever the accents", () => {
    expect(["Swedish party", "svensk part", "Benämning", "ETABLERAT", "kommentar"].map(columnOf)).toEqual([
      "swedish_party",
      "swedish_party",
      "designation",
      "established",
      null,
    ]);
    expect(["twin_city", "Vänort", "kommunalt partnerskap", "Partnership", "vänskap"].map(parseKind)).toEqual([
      "twin_city",
      "twin_city",
      "partnership",
      "partnership",
      null,
    ]);
  });
});

describeEachDriver("importing agreements from CSV", (db, driver, handle) => {
  let ctx: WriteContext;
  let jobs: JobRuntime;
  let reviewer: WriteContext;
  const totals = async () => ({
    agreements: (await db().select({ n: count() }).from(agreements))[0]!.n,
    organizations: (await db().select({ n: count() }).from(organizations))[0]!.n,
    revisions: (await db().select({ n: count() }).from(revisions))[0]!.n,
  });

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const demo = await db().select().from(users).where(eq(users.isDemo, true));
    const analyst = demo.find((u) => u.roles.includes("analyst"))!;
    const granskare = demo.find((u) => u.roles.includes("reviewer"))!;
    ctx = { db: db(), user: { id: analyst.id, roles: analyst.roles, organizationId: null } };
    reviewer = { db: db(), user: { id: granskare.id, roles: granskare.roles, organizationId: null } };
    // The background import runs on the app's job queue, as in the server.
    registerImportJobs();
    jobs = await startJobs(handle(), { pollingIntervalSeconds: 0.5 });
  });
  afterAll(async () => {
    await jobs.stop();
  });

  it("previews every row: what is created, what is skipped and why, without writing", async () => {
    const before = await totals();
    const plan = await planImport(db(), GOOD);
    expect(plan.rows.map((r) => [r.row, r.action, r.skip?.reason ?? null])).toEqual([
      [2, "create", null],
      [3, "create", null],
      [4, "skip", "exists"],
      [5, "skip", "duplicateInFile"],
      [6, "create", null],
    ]);
    expect(plan.counts).toEqual({ create: 3, update: 0, skip: 2, error: 0 });
    expect(plan.newForeign.map((n) => [n.org.name, n.org.nameNative, n.rows])).toEqual([["Xiaogan", "孝感市", [2, 3, 5]]]);
    expect(plan.rows[3]!.skip).toEqual({ reason: "duplicateInFile", row: 2 });
    expect(await totals()).toEqual(before);
  });

  it("shows every error of every row", async () => {
    const plan = await planImport(
      db(),
      csv(`
swedish_party,swedish_party_code,foreign_party,foreign_party_province,kind,established
Atlantis,,Wuhan,,twin_city,2019
,12,Wuhan,,twin_city,2019
Kiruna,,,,twin_city,2019
Kiruna,,Wuhan,,vänskap,våren 2019
Kiruna,,Ezhou,Narnia,other,2019-02-30
`),
    );
    expect(plan.counts).toEqual({ create: 0, update: 0, skip: 0, error: 5 });
    expect(plan.rows.map((r) => r.issues.map((i) => `${i.column}:${i.code}`))).toEqual([
      ["swedish_party:swedishNotFound"],
      ["swedish_party_code:swedishAmbiguous"],
      ["foreign_party:required"],
      ["kind:kindInvalid", "established:date"],
      ["foreign_party_province:provinceNotFound", "established:dateNoSuchDate"],
    ]);
  });

  it("writes nothing when one row is bad, and says which", async () => {
    const before = await totals();
    const bad = [...GOOD, { swedish_party: "Kiruna", foreign_party: "Wuhan", kind: "other", established: "2019-13" }];
    const outcome = await runImport({ ctx, rows: bad });
    expect(outcome).toMatchObject({ ok: false, error: "invalid", message: "registry.import.hasErrors" });
    if (outcome.ok || outcome.error !== "invalid" || !("plan" in outcome)) throw new Error("expected a plan");
    expect(outcome.plan.rows.filter((r) => r.action === "error").map((r) => r.row)).toEqual([7]);
    expect(await totals()).toEqual(before);
    expect(await db().select().from(organizations).where(eq(organizations.name, "Xiaogan"))).toEqual([]);
  });

  it("refuses a user who may not import", async () => {
    expect(await runImport({ ctx: reviewer, rows: GOOD })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("imports a good file in one go, with a revision for each agreement and the new foreign party", async () => {
    const before = await totals();
    const progress: number[] = [];
    const outcome = await runImport({ ctx, rows: GOOD, fileName: "nya.csv", onProgress: ({ phase, done }) => void (phase === "writing" && progress.push(done)) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.created.map((c) => [c.row, c.swedishName, c.foreignName])).toEqual([
      [2, "Kiruna", "Xiaogan"],
      [3, "Kiruna", "Xiaogan"],
      [6, "Gällivare", "Wuhan"],
    ]);
    expect(outcome.skipped.map((s) => [s.row, s.skip.reason])).toEqual([
      [4, "exists"],
      [5, "duplicateInFile"],
    ]);
    expect(outcome.foreignCreated.map((f) => f.name)).toEqual(["Xiaogan"]);
    expect(progress.at(-1)).toBe(3);
    expect(await totals()).toEqual({
      agreements: before.agreements + 3,
      organizations: before.organizations + 1,
      revisions: before.revisions + 4,
    });
    const [first] = await db().select().from(agreements).where(eq(agreements.id, outcome.created[0]!.id));
    expect(first).toMatchObject({ establishedOn: "2019-05-01", establishedPrecision: "month", areas: ["utbildning", "kultur"], kind: "twin_city" });
    const importRevisions = await db().select().from(revisions).where(like(revisions.reason, "Import (nya.csv)%"));
    expect(importRevisions.map((r) => r.reason).sort()).toEqual(["Import (nya.csv), row 2", "Import (nya.csv), row 3", "Import (nya.csv), row 6"]);

    // The same file again: everything already exists.
    const again = await runImport({ ctx, rows: GOOD });
    expect(again).toMatchObject({ ok: true, created: [] });
  });

  it("reads back its own export: every row is found and skipped as existing", async () => {
    const rows = await queryAllAgreements(db(), DEFAULT_QUERY);
    const text = (await agreementsToCsv(db(), rows)).replace(/^\uFEFF/, "");
    const plan = await planImport(db(), csv(text));
    expect(plan.counts).toEqual({ create: 0, update: 0, skip: rows.length, error: 0 });
    expect(plan.rows.map((r) => (r.skip?.reason === "unchanged" ? r.skip.agreementId : null))).toEqual(rows.map((r) => r.id));
  });

  it("imports Håbo and Habo by name: the exact name first, the folded one only as a fallback", async () => {
    const plan = await planImport(
      db(),
      csv(`
swedish_party,swedish_party_kind,foreign_party,kind
Håbo,kommun,Wuhan,other
Habo,,Wuhan,other
HÅBO,,Wuhan,other
Göteborg,,Wuhan,other
Goteborg,,Wuhan,other
Habö,,Wuhan,other
`),
    );
    expect(plan.rows.map((r) => r.swedishName ?? r.issues.map((i) => `${i.code}:${i.suggestions?.join("/")}`).join())).toEqual([
      "Håbo",
      "Habo",
      "Håbo",
      "Göteborg",
      "Göteborg",
      "swedishAmbiguous:Habo (kommun)/Håbo (kommun)",
    ]);
  });

  it("suggests the party or province a typo meant", async () => {
    const plan = await planImport(
      db(),
      csv(`
swedish_party,foreign_party,foreign_party_province,kind
Morra,Nyby,Hubej,other
Kiruna,Nyby,Henan,other
`),
    );
    expect(plan.rows.map((r) => r.issues.map((i) => [i.column, i.code, i.value, i.suggestions ?? []]))).toEqual([
      [
        ["swedish_party", "swedishNotFound", "Morra", ["Mora"]],
        ["foreign_party_province", "provinceNotFound", "Hubej", ["Hubei"]],
      ],
      [["foreign_party_province", "provinceNotFound", "Henan", []]],
    ]);
  });

  it("reads what Swedish Excel saves: Windows-1252 with semicolons, and UTF-8 with a byte-order mark", async () => {
    const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", name)));
    const cp1252 = readCsvFile(fixture("excel-csv-windows-1252.csv"));
    expect(cp1252).toMatchObject({ ok: true, encoding: "windows-1252", delimiter: ";" });
    if (!cp1252.ok) return;
    expect(cp1252.rows[0]).toMatchObject({ svensk_part: "Håbo", kinesisk_part: "Östad", anteckningar: 'Avtalet undertecknades i Östad – "vänskap" € 1 000' });
    const plan = await planImport(db(), cp1252.rows);
    expect(plan.counts.error).toBe(0);
    expect(plan.rows.map((r) => [r.swedishName, r.foreignName, r.kind])).toEqual([
      ["Håbo", "Östad", "twin_city"],
      ["Habo", "Ürümqi", "partnership"],
    ]);
    expect(plan.rows[0]!.input).toMatchObject({ designation: "Vänortsavtal med Östad" });

    const utf8 = readCsvFile(fixture("excel-csv-utf-8.csv"));
    expect(utf8).toMatchObject({ ok: true, encoding: "utf-8-bom", delimiter: "," });
    if (utf8.ok) expect(utf8.rows[0]).toMatchObject({ svensk_part: "Håbo", kinesisk_part: "Östad", "benämning": "Vänortsavtal, Östad", anteckningar: "孝感市" });
  });

  it("refuses a file it cannot read as text, saying what it is", () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ ok: false, reason: "xlsx" });
    expect(decodeCsvBytes(new Uint8Array([0x61, 0x81, 0x62, 0xd6]))).toEqual({ ok: false, reason: "unknownEncoding" });
    expect(decodeCsvBytes(new Uint8Array([0x61, 0x00, 0x62, 0x00]))).toEqual({ ok: false, reason: "binary" });
    const utf16 = decodeCsvBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from("Östad\tHåbo", "utf16le")]));
    expect(utf16).toEqual({ ok: true, text: "Östad\tHåbo", encoding: "utf-16le" });
  });

  it("writes an imported agreement's revision in the same shape as the form's", async () => {
    const outcome = await runImport({ ctx, rows: csv(`
swedish_party,foreign_party,kind,established,designation,notes
Borås,Wuhan,other,2011-04,Ett avtal,En anteckning
`) });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const [boras] = await db().select().from(organizations).where(eq(organizations.name, "Borås"));
    const [wuhan] = await db().select().from(organizations).where(eq(organizations.name, "Wuhan"));
    const formed = await createAgreement({
      ctx,
      input: { swedishOrgId: boras!.id, foreign: { mode: "existing", id: wuhan!.id }, kind: "partnership", designation: "Ett avtal", established: "2011-04", funding: "", areas: "", notes: "En anteckning" },
    });
    if (!formed.ok) throw new Error(JSON.stringify(formed));
    const revisionOf = async (id: string) => (await db().select().from(revisions).where(eq(revisions.entityId, id)))[0]!;
    const [imported, viaForm] = [await revisionOf(outcome.created[0]!.id), await revisionOf(formed.id)];
    expect(imported.changedFields).toEqual(viaForm.changedFields);
    const shape = (after: unknown) => Object.fromEntries(Object.entries(after as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" && /T\d\d:/.test(v) ? "timestamp" : k === "id" || k === "kind" ? "?" : v]));
    expect(shape(imported.after)).toEqual(shape(viaForm.after));
    expect((imported.after as { createdAt: string }).createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((viaForm.after as { createdAt: string }).createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("runs an import as a background job that its owner can follow and come back to, all or nothing", async () => {
    const before = await totals();
    const rows = csv(`
swedish_party,foreign_party,kind,established
Håbo,Jobbstad,twin_city,2001
Habo,Jobbstad,twin_city,2002
`);
    const started = await startImportJob({ ctx, rows, fileName: "jobb.csv" });
    if (!started.ok) throw new Error("refused");
    await vi.waitFor(async () => expect((await getImportJob(ctx, started.id))?.status).toBe("done"), { timeout: 20_000, interval: 50 });
    const job = (await getImportJob(ctx, started.id))!;
    expect(job).toMatchObject({ fileName: "jobb.csv", total: 2, result: { counts: { created: 2, skipped: 0 }, foreignCreated: [{ name: "Jobbstad" }] } });
    expect(await totals()).toMatchObject({ agreements: before.agreements + 2, organizations: before.organizations + 1 });
    expect(await getImportJob(reviewer, started.id)).toBeNull();
    const [stored] = await db().select().from(importJobs).where(eq(importJobs.id, started.id));
    expect(stored!.rows).toBeNull(); // the rows are not kept once written

    // A file with a bad row: the job ends "invalid" with the row's errors, and nothing is written.
    const bad = await startImportJob({ ctx, rows: [...rows, { swedish_party: "Atlantis", foreign_party: "Jobbstad", kind: "other" }] });
    if (!bad.ok) throw new Error("refused");
    await vi.waitFor(async () => expect((await getImportJob(ctx, bad.id))?.status).toBe("invalid"), { timeout: 20_000, interval: 50 });
    expect((await getImportJob(ctx, bad.id))!.result).toMatchObject({ plan: { rows: [{ row: 4, issues: [{ code: "swedishNotFound" }] }] } });
    expect((await totals()).agreements).toBe(before.agreements + 2);
  });

  it("runs again an import whose worker died (it had written nothing): at start on the embedded database, on the queue's retry on PostgreSQL", async () => {
    const [job] = await db()
      .insert(importJobs)
      .values({ createdBy: ctx.user.id, status: "running", total: 1, rows: [{ swedish_party: "Mora", foreign_party: "Omstartstad", kind: "other" }] })
      .returning();
    if (driver === "pglite") {
      expect(await resumeImportJobs({ db: db(), driver })).toBe(1);
    } else {
      // Another instance may be running it: not taken at start, nor by a first run; the retry takes it.
      expect(await resumeImportJobs({ db: db(), driver })).toBe(0);
      expect(await runImportJob(db(), job!.id)).toBeNull();
      expect(await runImportJob(db(), job!.id, { retry: true })).toBe("done");
    }
    await vi.waitFor(async () => expect((await getImportJob(ctx, job!.id))?.status).toBe("done"), { timeout: 20_000, interval: 50 });
    // Done once: a late second run finds nothing to do.
    expect(await runImportJob(db(), job!.id, { retry: true })).toBeNull();
  });

  it("records a created agreement's first status with its source, in the same transaction", async () => {
    const rows = csv(`
swedish_party,foreign_party,kind,established,status,status_date,source
Lund,Statusstad,twin_city,2012-03,active,2012-03-15,https://lund.se/protokoll/2012-03-15
Lund,Statusstad,partnership,2014,Aktivt,,https://lund.se/protokoll/2012-03-15
Lund,Statusstad,other,2015,,,
`);
    const refused = await planImport(db(), [
      ...rows,
      { swedish_party: "Lund", foreign_party: "Statusstad", kind: "twin_city", status: "dormant" },
      { swedish_party: "Lund", foreign_party: "X", source: "https://x.se" },
      // The date rules of every status event: the day exists, and it is not in the future.
      { swedish_party: "Lund", foreign_party: "Y", kind: "other", status: "active", status_date: "2026-02-31" },
      { swedish_party: "Lund", foreign_party: "Y", kind: "other", status: "active", status_date: "2999" },
    ]);
    expect(refused.rows.slice(3).map((r) => r.issues.map((i) => i.code))).toEqual([["firstStatus"], ["sourceWithoutStatus"], ["dateNoSuchDate"], ["dateFuture"]]);

    const outcome = await runImport({ ctx, rows });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome).slice(0, 300));
    const [first, second, third] = outcome.created.map((c) => c.id);
    const events = await db().select().from(statusEvents).where(inArray(statusEvents.agreementId, [first!, second!, third!]));
    expect(events.map((e) => [e.agreementId, e.status, e.effectiveOn, e.effectivePrecision]).sort()).toEqual(
      [
        [first, "active", "2012-03-15", "day"],
        [second, "active", "2014-01-01", "year"],
      ].sort(),
    );
    const links = await db().select().from(eventSources).where(inArray(eventSources.eventId, events.map((e) => e.id)));
    expect(links).toHaveLength(2);
    expect(new Set(links.map((l) => l.sourceId)).size).toBe(1); // one web page source for the one address
    const [source] = await db().select().from(sources).where(eq(sources.id, links[0]!.sourceId));
    expect(source).toMatchObject({ kind: "web_page", url: "https://lund.se/protokoll/2012-03-15" });
  });
});
