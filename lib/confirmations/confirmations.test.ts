import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ZodError } from "zod";
import { eq, sql } from "drizzle-orm";
import { LocalDiskStorage } from "../attachments/storage";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { confirmations, sourceAttachments, sources, statusEvents, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { databaseError, describeEachDriver } from "@/db/testing";
import type { ActionContext } from "../auth/context";
import { ForbiddenError } from "../auth/errors";
import { ReviewError } from "../review/errors";
import { organizationHome } from "../officials/home";
import { confirmAgreements } from "./create";
import { agreementStates } from "./current-state";
import { lastConfirmations } from "./read";
import { unconfirmedCount } from "./stats";
import { queryAgreements } from "../agreements/list";
import { DEFAULT_QUERY } from "../agreements/query-params";

async function ctxOf(db: Db, email: string): Promise<ActionContext> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { db, user: { id: u!.id, email: u!.email, name: u!.name, roles: u!.roles, organizationId: u!.organizationId, organizationName: null, isDemo: true } };
}

describeEachDriver("confirmations (nothing has changed)", (db) => {
  let official: ActionContext;
  let analyst: ActionContext;
  let own: string[];
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    official = await ctxOf(db(), "bengtsfors@demo.avtalsregistret.se");
    analyst = await ctxOf(db(), "analytiker@demo.avtalsregistret.se");
    own = (await organizationHome(db(), official.user, official.user.organizationId!)).map((a) => a.id);
  }, 120_000);

  const stateOf = async (id: string) => (await agreementStates(db(), [id])).get(id)!;

  it("records who confirmed which state of which organisation's agreement, and shows it as the last confirmation", async () => {
    const s = await stateOf(own[0]!);
    const { ids } = await confirmAgreements({ ctx: official, input: { items: [{ agreementId: own[0], eventId: s.eventId }], note: "Frågat kommunstyrelsen" } });
    const [row] = await db().select().from(confirmations).where(eq(confirmations.id, ids[0]!));
    expect(row).toMatchObject({ agreementId: own[0], organizationId: official.user.organizationId, eventId: s.eventId, confirmedBy: official.user.id, note: "Frågat kommunstyrelsen" });
    const last = (await lastConfirmations(db(), [own[0]!])).get(own[0]!);
    expect(last).toMatchObject({ confirmedByName: official.user.name, current: true });
  });

  it("refuses UPDATE and DELETE of a confirmation in the database itself", async () => {
    expect(await databaseError(db().execute(sql`UPDATE confirmations SET note = 'ändrad'`))).toMatch(/append-only/);
    expect(await databaseError(db().execute(sql`DELETE FROM confirmations`))).toMatch(/append-only/);
  });

  it("refuses a confirmation of a state that changed meanwhile, and records nothing of a bulk confirmation", async () => {
    const a = await stateOf(own[0]!);
    const other = await db().execute(sql`SELECT a.id FROM agreements a WHERE a.id <> ${own[0]} AND EXISTS (SELECT 1 FROM status_events e WHERE e.agreement_id = a.id) LIMIT 1`);
    const b = await stateOf(((Array.isArray(other) ? other : (other as { rows: unknown[] }).rows)[0] as { id: string }).id);
    // The state changes after the page was loaded: a new event is recorded.
    await db().insert(statusEvents).values({ agreementId: own[0]!, status: "dormant", effectiveOn: "2099-01-01", effectivePrecision: "year", recordedBy: analyst.user.id });
    const before = (await db().select().from(confirmations)).length;
    const error = await confirmAgreements({
      ctx: analyst,
      input: { items: [{ agreementId: b.agreementId, eventId: b.eventId }, { agreementId: own[0], eventId: a.eventId }] },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewError);
    expect((error as ReviewError).code).toBe("stale");
    expect((error as ReviewError).details).toEqual({ agreementIds: [own[0]] });
    expect((await db().select().from(confirmations)).length).toBe(before);
    // The earlier confirmation is now of an older state.
    expect((await lastConfirmations(db(), [own[0]!])).get(own[0]!)?.current).toBe(false);
    // With the new state, it goes through.
    const fresh = await stateOf(own[0]!);
    await confirmAgreements({ ctx: analyst, input: { items: [{ agreementId: b.agreementId, eventId: b.eventId }, { agreementId: own[0], eventId: fresh.eventId }] } });
    expect((await db().select().from(confirmations)).length).toBe(before + 2);
  });

  it("refuses an official confirming another organisation's agreement, all or nothing", async () => {
    const foreign = await db().execute(sql`SELECT a.id FROM agreements a WHERE a.swedish_org_id <> ${official.user.organizationId} AND EXISTS (SELECT 1 FROM status_events e WHERE e.agreement_id = a.id) LIMIT 1`);
    const other = await stateOf(((Array.isArray(foreign) ? foreign : (foreign as { rows: unknown[] }).rows)[0] as { id: string }).id);
    const mine = await stateOf(own[0]!);
    const before = (await db().select().from(confirmations)).length;
    await expect(
      confirmAgreements({ ctx: official, input: { items: [{ agreementId: mine.agreementId, eventId: mine.eventId }, { agreementId: other.agreementId, eventId: other.eventId }] } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().select().from(confirmations)).length).toBe(before);
  });

  it("shows the last confirmation in the registry table, filters 'not confirmed for 12 months', and counts them for the dashboard", async () => {
    const all = await queryAgreements(db(), { ...DEFAULT_QUERY, size: 100 });
    const mine = all.rows.find((r) => r.id === own[0]);
    expect(mine?.lastConfirmedBy).toBe(analyst.user.name);
    expect(mine?.lastConfirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const stale = await queryAgreements(db(), { ...DEFAULT_QUERY, size: 100, unconfirmed: true });
    expect(stale.rows.map((r) => r.id)).not.toContain(own[0]);
    expect(stale.total).toBe(all.total - all.rows.filter((r) => r.lastConfirmedAt).length);
    expect(await unconfirmedCount(db())).toBe(stale.total);
    // Thirteen months on, every confirmation made today is older than twelve months.
    const later = new Date(Date.now() + 396 * 24 * 3600 * 1000);
    expect(await unconfirmedCount(db(), later)).toBe(all.total);
    const sorted = await queryAgreements(db(), { ...DEFAULT_QUERY, size: 5, sort: "confirmed", dir: "desc" });
    expect(sorted.rows[0]?.lastConfirmedAt).not.toBeNull();
  });

  it("keeps an official's evidence of any kind with the confirmation: an e-mail with its .eml, as an internal source; bad evidence saves nothing", async () => {
    const storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "confirm-evidence-")));
    const s = await stateOf(own[1] ?? own[0]!);
    const items = [{ agreementId: s.agreementId, eventId: s.eventId }];
    const email = { kind: "email", citation: "", title: "Vänorten gäller", url: "", retrievedOn: "", correspondent: "Registrator, Bengtsfors kommun", date: { precision: "day", value: "2026-11-20" } };
    const eml = new TextEncoder().encode("From: registrator@bengtsfors.se\r\nTo: nkk@example.se\r\nSubject: Vänort\r\nDate: Fri, 20 Nov 2026 10:00:00 +0100\r\nMessage-ID: <1@bengtsfors.se>\r\n\r\nAvtalet gäller fortfarande.\r\n");
    const before = (await db().select().from(confirmations)).length;

    // An e-mail without its correspondent is refused field by field, and nothing is written.
    const bad = await confirmAgreements({ ctx: official, input: { items, evidence: { ...email, correspondent: "" } }, storage }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ZodError);
    expect((bad as ZodError).issues.map((i) => i.path.join("."))).toContain("evidence.correspondent");
    // A file needs its evidence; an official may not cite an existing source by id.
    const [anySource] = await db().select({ id: sources.id }).from(sources).limit(1);
    for (const input of [{ items }, { items, sourceId: anySource!.id }]) {
      const files = "sourceId" in input ? [] : [{ filename: "svar.eml", declaredType: "message/rfc822", bytes: eml }];
      expect(await confirmAgreements({ ctx: official, input, files, storage }).catch((e: unknown) => (e as ReviewError).message)).toMatch(/^confirm\.errors\./);
    }
    expect((await db().select().from(confirmations)).length).toBe(before);

    const { ids, sourceId } = await confirmAgreements({ ctx: official, input: { items, evidence: email }, files: [{ filename: "svar.eml", declaredType: "message/rfc822", bytes: eml }], storage });
    const [row] = await db().select().from(confirmations).where(eq(confirmations.id, ids[0]!));
    expect(row!.sourceId).toBe(sourceId);
    const [source] = await db().select().from(sources).where(eq(sources.id, sourceId!));
    expect(source).toMatchObject({ kind: "email", correspondent: "Registrator, Bengtsfors kommun", date: "2026-11-20", visibility: "internal", createdBy: official.user.id });
    const files = await db().select().from(sourceAttachments).where(eq(sourceAttachments.sourceId, sourceId!));
    expect(files.map((f) => f.filename)).toEqual(["svar.eml"]);
    expect((await lastConfirmations(db(), [s.agreementId])).get(s.agreementId)).toMatchObject({ evidence: { id: sourceId, kind: "email" } });
  });
});
