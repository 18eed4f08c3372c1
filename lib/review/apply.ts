import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements, eventSources, revisions, sourceAttachments, sources, statusEvents, type Proposal } from "@/db/schema";
import { parsePartialDate } from "../domain/partial-date";
import { loadHistory } from "../events/record";
import { checkTransition } from "../events/transitions";
import { recordRevision } from "../revisions/record";
import { insertSource } from "../sources/create";
import type { AgreementChanges, ProposedEvent, ProposedSource } from "../validation/proposals";
import { agreementColumns, type AgreementFieldValues } from "./agreement-fields";
import { ReviewError } from "./errors";
import type { ProposalPayload } from "./proposals";

interface ApplyOptions {
  actorId: string;
  proposalId?: string | null;
  reason?: string | null;
  action?: "agreement.update" | "agreement.revert";
  /** When given, the agreement must still be at this version. */
  expectedVersion?: number;
}

/** Sets agreement fields, bumps its version and records the revision, all in the caller's transaction. */
export async function applyAgreementChanges(tx: Tx, agreementId: string, changes: Partial<AgreementFieldValues>, opts: ApplyOptions) {
  const [before] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for("update");
  if (!before) throw new ReviewError("not_found", "The agreement does not exist.");
  if (opts.expectedVersion !== undefined && before.version !== opts.expectedVersion) {
    throw new ReviewError("stale", "The agreement has changed meanwhile.", { currentVersion: before.version });
  }
  const [after] = await tx
    .update(agreements)
    .set({ ...agreementColumns(changes), version: before.version + 1, updatedAt: new Date(), updatedBy: opts.actorId })
    .where(eq(agreements.id, agreementId))
    .returning();
  const revisionId = await recordRevision(tx, {
    entityType: "agreement",
    entityId: agreementId,
    action: opts.action ?? "agreement.update",
    actorId: opts.actorId,
    before,
    after: after!,
    reason: opts.reason ?? null,
    proposalId: opts.proposalId ?? null,
  });
  return { agreement: after!, revisionId };
}

function protocolCitation(s: Extract<ProposedSource, { type: "protocol" }>): string {
  return [`Sammanträdesprotokoll ${s.body} ${s.meetingDate}`, s.paragraph, s.diarienummer ? `Diarienummer: ${s.diarienummer}` : null]
    .filter(Boolean)
    .join(", ");
}

/**
 * Refuses a proposed status that the agreement's history does not allow at that date, with the
 * transition rules' own reason (lib/events/transitions.ts).
 */
export async function assertProposedTransition(tx: Tx, agreementId: string, event: ProposedEvent): Promise<void> {
  const date = parsePartialDate(event.effective);
  const check = checkTransition(await loadHistory(tx, agreementId), {
    status: event.status,
    effectiveOn: date.on,
    effectivePrecision: date.precision,
    supersedesId: null,
  });
  if (!check.ok) {
    throw new ReviewError("invalid_transition", `The history does not allow this status change (${check.refusal.code}).`, {
      refusal: check.refusal,
    });
  }
}

/** Records a proposed status change with its evidence: new sources first, then the event and its links. */
export async function applyProposedEvent(
  tx: Tx,
  agreementId: string,
  event: ProposedEvent,
  opts: { authorId: string; proposalId: string | null },
) {
  await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.id, agreementId)).for("update");
  await assertProposedTransition(tx, agreementId, event);
  const links: { sourceId: string; quote: string | null; page: string | null }[] = [];
  for (const s of event.sources) {
    if (s.type === "existing") {
      const [found] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, s.sourceId));
      if (!found) throw new ReviewError("not_found", "A cited source no longer exists.");
      links.push({ sourceId: found.id, quote: s.quote ?? null, page: s.page ?? null });
      continue;
    }
    if (s.type === "new") {
      // The kind and fields the author gave, through the same insert as the analyst's source form.
      const created = await insertSource(tx, s.source, opts.authorId, { proposalId: opts.proposalId });
      if (s.attachmentId) {
        await tx.insert(sourceAttachments).values({ sourceId: created.id, attachmentId: s.attachmentId, filename: s.attachmentFilename ?? "bilaga", createdBy: opts.authorId });
      }
      links.push({ sourceId: created.id, quote: s.quote ?? null, page: s.page ?? null });
      continue;
    }
    const [created] = await tx
      .insert(sources)
      .values({
        kind: "protocol",
        citation: protocolCitation(s),
        body: s.body,
        meetingDate: s.meetingDate,
        paragraph: s.paragraph ?? null,
        diarienummer: s.diarienummer ?? null,
        createdBy: opts.authorId,
      })
      .returning();
    await recordRevision(tx, {
      entityType: "source",
      entityId: created!.id,
      action: "source.create",
      actorId: opts.authorId,
      before: null,
      after: created!,
      proposalId: opts.proposalId,
    });
    if (s.attachmentId) {
      await tx.insert(sourceAttachments).values({
        sourceId: created!.id,
        attachmentId: s.attachmentId,
        filename: s.attachmentFilename ?? "protokoll.pdf",
        createdBy: opts.authorId,
      });
    }
    links.push({ sourceId: created!.id, quote: s.quote ?? null, page: s.page ?? null });
  }
  const date = parsePartialDate(event.effective);
  const [created] = await tx
    .insert(statusEvents)
    .values({
      agreementId,
      status: event.status,
      effectiveOn: date.on,
      effectivePrecision: date.precision,
      reasons: event.reasons,
      reasonOther: event.reasonOther ?? null,
      decidedBy: event.decidedBy ?? null,
      initiatedBy: event.initiatedBy,
      note: event.note ?? null,
      recordedBy: opts.authorId,
      proposalId: opts.proposalId,
    })
    .returning();
  const unique = new Map(links.map((l) => [l.sourceId, l]));
  await tx.insert(eventSources).values([...unique.values()].map((l) => ({ eventId: created!.id, ...l, createdBy: opts.authorId })));
  return created!;
}

/** The field values a revision's `before` held for the fields it changed. */
export async function revertValues(tx: Tx, revisionId: number): Promise<{ agreementId: string; values: Partial<AgreementFieldValues> }> {
  const [rev] = await tx.select().from(revisions).where(eq(revisions.id, revisionId));
  if (!rev || rev.entityType !== "agreement") throw new ReviewError("not_found", "No such agreement revision.");
  const before = rev.before as Record<string, unknown> | null;
  if (!before) throw new ReviewError("nothing_to_revert", "A creation cannot be reverted.");
  const values: Partial<AgreementFieldValues> = {};
  const has = (f: string) => rev.changedFields.includes(f);
  if (has("swedishOrgId")) values.swedishOrgId = before.swedishOrgId as string;
  if (has("foreignOrgId")) values.foreignOrgId = before.foreignOrgId as string;
  if (has("kind")) values.kind = before.kind as AgreementFieldValues["kind"];
  if (has("designation")) values.designation = (before.designation as string | null) ?? null;
  if (has("establishedOn") || has("establishedPrecision")) {
    const on = (before.establishedOn as string | null) ?? null;
    const precision = (before.establishedPrecision as string) ?? "unknown";
    values.established = on == null ? null : precision === "year" ? on.slice(0, 4) : precision === "month" ? on.slice(0, 7) : on.slice(0, 10);
  }
  if (has("funding")) values.funding = (before.funding as string | null) ?? null;
  if (has("areas")) values.areas = (before.areas as string[]) ?? [];
  if (has("notes")) values.notes = (before.notes as string | null) ?? null;
  if (Object.keys(values).length === 0) throw new ReviewError("nothing_to_revert", "The revision changed no editable field.");
  return { agreementId: rev.entityId, values };
}

/** Applies an approved proposal; the caller has locked it and checked that it is not stale. */
export async function applyProposal(tx: Tx, p: Proposal, _reviewerId: string): Promise<void> {
  const payload = p.payload as ProposalPayload;
  switch (payload.kind) {
    case "agreement.update":
      await applyAgreementChanges(tx, payload.agreementId, payload.changes as AgreementChanges, {
        actorId: p.authorId,
        proposalId: p.id,
        reason: p.summary,
        expectedVersion: p.baseVersion ?? undefined,
      });
      return;
    case "event.create":
      await applyProposedEvent(tx, payload.agreementId, payload.event, { authorId: p.authorId, proposalId: p.id });
      return;
    case "revision.revert": {
      const { agreementId, values } = await revertValues(tx, payload.revisionId);
      await applyAgreementChanges(tx, agreementId, values, {
        actorId: p.authorId,
        proposalId: p.id,
        action: "agreement.revert",
        reason: p.summary ?? `Revert of revision #${payload.revisionId}`,
        expectedVersion: p.baseVersion ?? undefined,
      });
      return;
    }
  }
}
