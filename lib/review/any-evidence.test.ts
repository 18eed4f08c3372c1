import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eventSources, proposals, sourceAttachments, sources, statusEvents, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import { LocalDiskStorage } from "../attachments/storage";
import type { ActionContext } from "../auth/context";
import { approveProposal, createProposal, requestChanges, reviseProposal } from "./proposals";

// An official's evidence may be any kind of source the analyst's form takes, and it keeps its
// kind through review and approval (an e-mail is filed as an e-mail, not as a protocol).

async function ctxOf(db: Db, email: string): Promise<ActionContext> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { db, user: { id: u!.id, email: u!.email, name: u!.name, roles: u!.roles, organizationId: u!.organizationId, organizationName: null, isDemo: true } };
}

const EML = new TextEncoder().encode(
  "From: Anna Registrator <registrator@bengtsfors.se>\r\nTo: nkk@ui.se\r\nSubject: Vänorten Wuzhou\r\nDate: Mon, 16 May 2022 09:30:00 +0200\r\n\r\nAvtalet med Wuzhou sades upp i maj 2022.\r\n",
);

const terminate = (agreementId: string, source: Record<string, unknown>, fileIndex?: number) => ({
  kind: "event.create" as const,
  agreementId,
  summary: "Avtalet är uppsagt",
  event: {
    status: "terminated" as const,
    effective: "2022-05",
    reasons: [],
    initiatedBy: "swedish_side" as const,
    sources: [{ type: "new" as const, source, quote: "Avtalet med Wuzhou sades upp i maj 2022.", ...(fileIndex === undefined ? {} : { fileIndex }) }],
  },
});

describeEachDriver("evidence of any kind in proposals", (db) => {
  let official: ActionContext;
  let reviewer: ActionContext;
  let agreementId: string;
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    official = await ctxOf(db(), "bengtsfors@demo.avtalsregistret.se");
    reviewer = await ctxOf(db(), "granskare@demo.avtalsregistret.se");
    const rows = await db().execute(sql`SELECT id FROM agreements WHERE swedish_org_id = ${official.user.organizationId} LIMIT 1`);
    agreementId = ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)[0] as { id: string }).id;
  }, 120_000);

  it("files an official's e-mail as an e-mail with its correspondent, date and .eml, after the reviewer asked for another kind", async () => {
    const storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "any-evidence-")));
    const web = { kind: "web_page", citation: "", title: "Kommunens nyheter", url: "https://www.bengtsfors.se/nyheter/wuzhou", retrievedOn: "" };
    const p = await createProposal({ ctx: official, input: terminate(agreementId, web), storage });
    await requestChanges({ ctx: reviewer, input: { proposalId: p.id, version: 1, reason: "Bifoga mejlet från registratorn i stället för nyhetssidan." } });

    const email = { kind: "email", citation: "", title: "Vänorten Wuzhou", url: "", retrievedOn: "", correspondent: "Anna Registrator, Bengtsfors kommun", date: { precision: "day", value: "2022-05-16" } };
    await reviseProposal({
      ctx: official,
      input: { proposalId: p.id, proposal: terminate(agreementId, email, 0), comment: "Mejlet bifogat" },
      files: [{ filename: "registrator-2022-05-16.eml", declaredType: "message/rfc822", bytes: EML }],
      storage,
    });
    const [revised] = await db().select().from(proposals).where(eq(proposals.id, p.id));
    await approveProposal({ ctx: reviewer, input: { proposalId: p.id, version: revised!.version } });

    const [event] = await db().select().from(statusEvents).where(eq(statusEvents.proposalId, p.id));
    expect(event).toMatchObject({ status: "terminated", effectiveOn: "2022-05-01", effectivePrecision: "month", recordedBy: official.user.id });
    const linked = await db().select({ source: sources, quote: eventSources.quote }).from(eventSources).innerJoin(sources, eq(sources.id, eventSources.sourceId)).where(eq(eventSources.eventId, event!.id));
    expect(linked).toHaveLength(1);
    expect(linked[0]!.source).toMatchObject({ kind: "email", correspondent: "Anna Registrator, Bengtsfors kommun", date: "2022-05-16", datePrecision: "day", body: null, meetingDate: null });
    expect(linked[0]!.source.citation).not.toMatch(/Sammanträdesprotokoll/);
    expect(linked[0]!.quote).toBe("Avtalet med Wuzhou sades upp i maj 2022.");
    const files = await db().select().from(sourceAttachments).where(eq(sourceAttachments.sourceId, linked[0]!.source.id));
    expect(files.map((f) => f.filename)).toEqual(["registrator-2022-05-16.eml"]);
  });

  it("refuses a source whose kind's required fields are missing, field by field", async () => {
    const email = { kind: "email", citation: "", title: "", url: "", retrievedOn: "", correspondent: "", date: { precision: "day", value: "" } };
    await expect(createProposal({ ctx: official, input: terminate(agreementId, email) })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ message: "sources.errors.correspondentRequired" })]),
    });
  });
});
