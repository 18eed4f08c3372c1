import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agreements, notifications, proposals, revisions, statusEvents, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { describeEachDriver } from "@/db/testing";
import type { CurrentUser } from "../auth/current-user";
import type { ActionContext } from "../auth/guard";
import { currentState } from "../events/timeline";
import { unreadCount } from "../notifications";
import {
  approveProposal,
  commentOnProposal,
  createProposal,
  isStale,
  rebaseProposal,
  rejectProposal,
  requestChanges,
  reviseProposal,
} from "./proposals";
import { applyAgreementChanges } from "./apply";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { attachments, sourceAttachments } from "@/db/schema";
import { LocalDiskStorage } from "../attachments/storage";
import { samplePdf } from "../attachments/sample-pdf";

async function userCtx(db: Db, email: string): Promise<ActionContext> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  const user: CurrentUser = {
    id: u!.id,
    email: u!.email,
    name: u!.name,
    roles: u!.roles,
    organizationId: u!.organizationId,
    organizationName: null,
    isDemo: u!.isDemo,
  };
  return { user, db };
}

async function agreementOf(db: Db, swedishCode: string, foreignName: string) {
  const rows = await db.execute(sql`
    SELECT a.id FROM agreements a JOIN organizations s ON s.id = a.swedish_org_id JOIN organizations f ON f.id = a.foreign_org_id
    WHERE s.official_code = ${swedishCode} AND s.kind = 'kommun' AND f.name = ${foreignName}`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows;
  const [a] = await db.select().from(agreements).where(eq(agreements.id, (list[0] as { id: string }).id));
  return a!;
}

const resumeWithProtocol = (agreementId: string, diarienummer: string | null = "KS 2022/123") => ({
  kind: "event.create" as const,
  agreementId,
  summary: "Samarbetet återupptas",
  event: {
    status: "resumed" as const,
    effective: "2022-03-01",
    reasons: [],
    decidedBy: "Kommunstyrelsen",
    initiatedBy: "swedish_side" as const,
    sources: [{ type: "protocol" as const, body: "Kommunstyrelsen, Bengtsfors kommun", meetingDate: "2022-03-01", paragraph: "§12", diarienummer }],
  },
});

describeEachDriver("proposals and review", (db, driver) => {
  let official: ActionContext;
  let reviewer: ActionContext;
  let reviewer2: ActionContext;
  let analyst: ActionContext;
  let bengtsfors: Awaited<ReturnType<typeof agreementOf>>;
  let malmo: Awaited<ReturnType<typeof agreementOf>>;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    await db().insert(users).values({
      email: "granskare2@example.se",
      name: "Andra Granskaren",
      passwordHash: "x",
      roles: ["reviewer", "analyst"],
    });
    official = await userCtx(db(), "bengtsfors@demo.avtalsregistret.se");
    reviewer = await userCtx(db(), "granskare@demo.avtalsregistret.se");
    reviewer2 = await userCtx(db(), "granskare2@example.se");
    analyst = await userCtx(db(), "analytiker@demo.avtalsregistret.se");
    bengtsfors = await agreementOf(db(), "1460", "Wuzhou");
    malmo = await agreementOf(db(), "1280", "Tangshan");
  });

  it("runs the whole lifecycle: propose, comment, ask for changes, revise, approve, apply", async () => {
    const p = await createProposal({ ctx: official, input: resumeWithProtocol(bengtsfors.id, null) }).catch((e) => e);
    // An official's status claim needs its evidence: a protocol without diarienummer or attachment is refused.
    expect(p).toBeInstanceOf(Error);

    const proposal = await createProposal({ ctx: official, input: resumeWithProtocol(bengtsfors.id, "KS 2022/1") });
    expect(proposal.status).toBe("open");
    expect(await unreadCount(db(), reviewer.user)).toBeGreaterThan(0);

    await commentOnProposal({ ctx: reviewer, input: { proposalId: proposal.id, body: "Vilket datum fattades beslutet?" } });
    await requestChanges({ ctx: reviewer, input: { proposalId: proposal.id, version: 1, reason: "Ange paragrafen i protokollet." } });
    const [asked] = await db().select().from(proposals).where(eq(proposals.id, proposal.id));
    expect(asked?.status).toBe("changes_requested");
    await expect(approveProposal({ ctx: reviewer, input: { proposalId: proposal.id, version: asked!.version } })).rejects.toThrow(/asked for changes/);

    await reviseProposal({ ctx: official, input: { proposalId: proposal.id, proposal: resumeWithProtocol(bengtsfors.id, "KS 2022/2"), comment: "Paragraf tillagd" } });
    const [revised] = await db().select().from(proposals).where(eq(proposals.id, proposal.id));
    expect(revised?.status).toBe("open");

    await approveProposal({ ctx: reviewer, input: { proposalId: proposal.id, version: revised!.version, reason: "Styrkt av protokoll" } });
    const events = await db().select().from(statusEvents).where(eq(statusEvents.agreementId, bengtsfors.id));
    const applied = events.find((e) => e.proposalId === proposal.id);
    expect(applied).toMatchObject({ status: "resumed", recordedBy: official.user.id, effectiveOn: "2022-03-01" });
    expect(currentState(events)?.state).toBe("active");
    const [decided] = await db().select().from(proposals).where(eq(proposals.id, proposal.id));
    expect(decided).toMatchObject({ status: "approved", decidedBy: reviewer.user.id, decisionReason: "Styrkt av protokoll" });
    const authorNotes = await db().select().from(notifications).where(and(eq(notifications.userId, official.user.id), eq(notifications.kind, "proposal.approved")));
    expect(authorNotes).toHaveLength(1);
    const sourceRevisions = await db().select().from(revisions).where(eq(revisions.proposalId, proposal.id));
    expect(sourceRevisions.map((r) => r.action)).toEqual(["source.create"]);
  });

  it("refuses a proposed status change the history does not allow, with the rules' reason", async () => {
    const mora = await agreementOf(db(), "2062", "Changchun");
    const error = await createProposal({ ctx: analyst, input: resumeWithProtocol(mora.id) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_transition", details: { refusal: { code: "ended_is_final", status: "resumed" } } });
    const [n] = await db().select({ n: count() }).from(proposals).where(eq(proposals.agreementId, mora.id));
    expect(n?.n).toBe(0);
  });

  it("carries the protocol's PDF from the proposal to the source it creates, and refuses a disguised file", async () => {
    const storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "proposal-files-")));
    const malmoAgreement = await agreementOf(db(), "1280", "Tangshan");
    const input = resumeWithProtocol(malmoAgreement.id, null);
    const withFile = { ...input, event: { ...input.event, sources: [{ ...input.event.sources[0]!, body: "Kommunstyrelsen, Malmö stad", fileIndex: 0 }] } };
    const before = await db().select({ n: count() }).from(attachments);
    const refused = await createProposal({
      ctx: analyst,
      input: withFile,
      files: [{ filename: "protokoll.pdf", declaredType: "application/pdf", bytes: new TextEncoder().encode("not a pdf at all") }],
      storage,
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "upload_refused" });
    expect(await db().select({ n: count() }).from(attachments)).toEqual(before);

    const pdf = samplePdf("Protokoll KS 2022-03-01 §12");
    const p = await createProposal({ ctx: analyst, input: withFile, files: [{ filename: "ks-protokoll.pdf", declaredType: "application/pdf", bytes: pdf }], storage });
    const stored = (p.payload as { event: { sources: { attachmentId: string; attachmentFilename: string }[] } }).event.sources[0]!;
    expect(stored.attachmentFilename).toBe("ks-protokoll.pdf");
    const [file] = await db().select().from(attachments).where(eq(attachments.id, stored.attachmentId));
    expect(Buffer.from((await storage.get(file!.storageKey))!)).toEqual(Buffer.from(pdf));
    await approveProposal({ ctx: reviewer, input: { proposalId: p.id, version: 1 } });
    const [link] = await db().select().from(sourceAttachments).where(eq(sourceAttachments.attachmentId, stored.attachmentId));
    expect(link?.filename).toBe("ks-protokoll.pdf");
  });

  it("refuses an official's proposal for another organisation's agreement", async () => {
    await expect(createProposal({ ctx: official, input: resumeWithProtocol(malmo.id) })).rejects.toThrow(/own organisation/);
    const [n] = await db()
      .select({ n: count() })
      .from(proposals)
      .where(and(eq(proposals.agreementId, malmo.id), eq(proposals.authorId, official.user.id)));
    expect(n?.n).toBe(0);
  });

  it("refuses an approval by the change's own author", async () => {
    const p = await createProposal({
      ctx: reviewer2,
      input: { kind: "agreement.update", agreementId: malmo.id, baseVersion: malmo.version, changes: { funding: "Egen budget" } },
    });
    await expect(approveProposal({ ctx: reviewer2, input: { proposalId: p.id, version: 1 } })).rejects.toThrow(/your own proposal/);
    await expect(approveProposal({ ctx: analyst, input: { proposalId: p.id, version: 1 } })).rejects.toThrow(/Not permitted/);
    await rejectProposal({ ctx: reviewer, input: { proposalId: p.id, version: 1, reason: "Finansieringen saknar källa" } });
    const [after] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    expect(after?.funding).toBeNull();
    expect(after?.version).toBe(malmo.version);
  });

  it("flags a stale proposal, refuses to approve it, and approves it after a rebase", async () => {
    const [current] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    const p = await createProposal({
      ctx: analyst,
      input: { kind: "agreement.update", agreementId: malmo.id, baseVersion: current!.version, changes: { designation: "vänort (sister city)" } },
    });
    await db().transaction((tx) => applyAgreementChanges(tx, malmo.id, { notes: "Ändrat under tiden" }, { actorId: reviewer2.user.id }));
    expect(await db().transaction((tx) => isStale(tx, (p as typeof p)))).toBe(true);
    await expect(approveProposal({ ctx: reviewer, input: { proposalId: p.id, version: 1 } })).rejects.toThrow(/rebase/);
    await rebaseProposal({ ctx: reviewer, input: { proposalId: p.id } });
    const [rebased] = await db().select().from(proposals).where(eq(proposals.id, p.id));
    expect(rebased?.baseVersion).toBe(current!.version + 1);
    await approveProposal({ ctx: reviewer, input: { proposalId: p.id, version: rebased!.version } });
    const [after] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    expect(after).toMatchObject({ designation: "vänort (sister city)", notes: "Ändrat under tiden", version: current!.version + 2 });
  });

  it("lets exactly one of two simultaneous approvals win, and applies the change once", async () => {
    const [current] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    const p = await createProposal({
      ctx: analyst,
      input: { kind: "agreement.update", agreementId: malmo.id, baseVersion: current!.version, changes: { funding: "Malmö stad" } },
    });
    const results = await Promise.allSettled([
      approveProposal({ ctx: reviewer, input: { proposalId: p.id, version: 1 } }),
      approveProposal({ ctx: reviewer2, input: { proposalId: p.id, version: 1 } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(loser.reason)).toMatch(/already approved by|changed while you were looking/);
    const applied = await db().select().from(revisions).where(eq(revisions.proposalId, p.id));
    expect(applied).toHaveLength(1);
    const [after] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    expect(after?.version).toBe(current!.version + 1);
    if (driver === "postgres") expect(results.length).toBe(2); // truly concurrent on the server: two connections
  });

  it("reverts a revision through review, as a new revision", async () => {
    const [current] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    const { revisionId } = await db().transaction((tx) =>
      applyAgreementChanges(tx, malmo.id, { designation: "Felaktig benämning" }, { actorId: analyst.user.id }),
    );
    const p = await createProposal({ ctx: analyst, input: { kind: "revision.revert", revisionId, summary: "Fel benämning" } });
    const [fresh] = await db().select().from(proposals).where(eq(proposals.id, p.id));
    await approveProposal({ ctx: reviewer, input: { proposalId: p.id, version: fresh!.version } });
    const [after] = await db().select().from(agreements).where(eq(agreements.id, malmo.id));
    expect(after?.designation).toBe(current!.designation);
    const [revert] = await db().select().from(revisions).where(eq(revisions.proposalId, p.id));
    expect(revert).toMatchObject({ action: "agreement.revert", changedFields: ["designation"] });
  });
});

describe("proposal payload schema", () => {
  it("needs a source for every status claim", async () => {
    const { createProposalSchema } = await import("../validation/proposals");
    const input = resumeWithProtocol("00000000-0000-4000-8000-000000000000");
    expect(createProposalSchema.safeParse({ ...input, event: { ...input.event, sources: [] } }).success).toBe(false);
    expect(createProposalSchema.safeParse(input).success).toBe(true);
  });
});
