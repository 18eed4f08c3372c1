import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, queryRows, type Db, type DbHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { loadDashboard } from "../dashboard/page-data";
import { resolveQuery } from "../dashboard/query";
import { actingAs, agreementWithHistory, ANALYST, eventInput, OFFICIAL, REVIEWER } from "../events/test-support";
import { logStatusChange } from "../events/log-status-change";
import { approveProposal, createProposal } from "../review/proposals";
import { publicationVersion, publicCacheStats } from "./cache";
import { currentFile, currentFiles, listReleases } from "./open-data";
import { publicAgreement, publicDashboard, publicRegister } from "./pages";
import { publishRelease } from "./publish-release";

// The public cache of one app instance (its database handle) against writes made through another
// instance (a second handle: on PostgreSQL its own connections, as a second process would have; PGlite
// in memory has one connection, so there the writer shares it, and the reader's cache is still its own
// per handle). Every read that follows a committed write must see it: no waiting, no stale entry.

const ORIGIN = "https://avtal.example.se";

describeEachDriver("the public cache across instances", (db, driver, handle) => {
  let writerHandle: DbHandle | null = null;
  /** The other instance's handle: what it writes, the reader's cache must follow. */
  let writer: Db;
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    if (driver === "postgres") {
      writerHandle = await openDatabase({ url: handle().url! });
      writer = writerHandle.db;
    } else {
      writer = db();
    }
  });
  afterAll(async () => {
    await writerHandle?.close();
  });

  it("serves a repeated read from the cache, and an analyst's event written through the other instance on the very next read", async () => {
    const { agreementId } = await agreementWithHistory(writer, [["active", "2019"]]);
    const register = async () => (await publicRegister({ q: "Changchun" }, db())).data.rows.find((r) => r.id === agreementId)!;
    const slug = (await register()).slug;
    const first = await publicAgreement(slug, db());
    const hits = publicCacheStats().hits;
    expect(await publicAgreement(slug, db())).toBe(first); // the same object: a hit, no query
    expect(publicCacheStats().hits).toBe(hits + 1);

    const analyst = await actingAs(writer, ANALYST);
    const logged = await logStatusChange({ ctx: analyst, input: eventInput(agreementId, { status: "terminated", effective: { precision: "year", value: "2023" } }) });
    expect(logged.ok, JSON.stringify(logged)).toBe(true);

    const after = await publicAgreement(slug, db());
    expect(after!.events.length).toBe(first!.events.length + 1);
    expect(after!.events.map((e) => e.status)).toContain("terminated");
    expect((await register()).status).toBe("terminated");
  });

  it("keeps its entries through a write that publishes nothing (a proposal), and drops them at its approval", async () => {
    const q = resolveQuery({});
    const before = await publicDashboard(db());
    const staffBefore = await loadDashboard(db(), q);
    const version = await publicationVersion(db());

    const official = await actingAs(writer, OFFICIAL);
    const [bengtsfors] = await queryRows<{ id: string }>(
      writer,
      sql`SELECT a.id FROM agreements a JOIN organizations s ON s.id = a.swedish_org_id JOIN organizations f ON f.id = a.foreign_org_id
          WHERE s.official_code = '1460' AND s.kind = 'kommun' AND f.name = 'Wuzhou'`,
    );
    const proposal = await createProposal({
      ctx: official,
      input: {
        kind: "event.create",
        agreementId: bengtsfors!.id,
        summary: "Samarbetet återupptas",
        event: {
          status: "resumed",
          effective: "2022-03-01",
          reasons: [],
          decidedBy: "Kommunstyrelsen",
          initiatedBy: "swedish_side",
          sources: [{ type: "protocol", body: "Kommunstyrelsen, Bengtsfors kommun", meetingDate: "2022-03-01", paragraph: "§12", diarienummer: "KS 2022/7" }],
        },
      },
    });
    // A proposal is not published: the version stays, the cached dashboard is the same object.
    expect(await publicationVersion(db())).toBe(version);
    expect(await publicDashboard(db())).toBe(before);
    // The staff dashboard's curation figures are not cached: the open proposal counts at once.
    const staffOpen = await loadDashboard(db(), q);
    expect(staffOpen.inForce).toBe(staffBefore.inForce);
    expect(staffOpen.curation.proposals.open).toBe(staffBefore.curation.proposals.open + 1);

    const reviewer = await actingAs(writer, REVIEWER);
    await approveProposal({ ctx: reviewer, input: { proposalId: proposal.id, version: proposal.version } });

    expect(await publicationVersion(db())).toBeGreaterThan(version);
    const after = await publicDashboard(db());
    expect(after).not.toBe(before);
    // Bengtsfors–Wuzhou was paused; now it is in force again.
    const byState = (d: typeof before, state: string) => d.data.now.filter((r) => r.dimension === "state" && r.state === state).reduce((n, r) => n + r.count, 0);
    expect(byState(after, "active")).toBe(byState(before, "active") + 1);
    expect(byState(after, "paused")).toBe(byState(before, "paused") - 1);
    const staffAfter = await loadDashboard(db(), q);
    expect(staffAfter.inForce).not.toBe(staffBefore.inForce);
    expect(staffAfter.curation.proposals.approved).toBe(staffBefore.curation.proposals.approved + 1);
  });

  it("lists a release published through the other instance, and the live files' stamp moves with it", async () => {
    expect(await listReleases(db())).toEqual([]);
    const filesBefore = await currentFiles(db(), ORIGIN);
    expect(await currentFiles(db(), ORIGIN)).toBe(filesBefore);
    // A CSV on its own (without the bundle's XLSX) is the bundle's CSV, byte for byte.
    for (const name of ["agreements.csv", "events.csv"]) {
      expect(Buffer.compare((await currentFile(db(), ORIGIN, name))!.bytes, filesBefore.find((f) => f.name === name)!.bytes), name).toBe(0);
    }

    const reviewer = await actingAs(writer, REVIEWER);
    const published = await publishRelease({ ctx: reviewer, input: { note: "Cachetest" }, origin: ORIGIN });
    expect(published.ok, JSON.stringify(published)).toBe(true);

    expect((await listReleases(db())).map((r) => r.note)).toEqual(["Cachetest"]);
    expect(await currentFiles(db(), ORIGIN)).not.toBe(filesBefore);
  });
});
