import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements, proposalVersions, sourceAttachments, sources } from "@/db/schema";
import { checkAgreements, FieldRefusal, valuesOf, type FieldErrors } from "../agreements/write";
import { can, type Actor } from "../auth/permissions";
import type { CreateProposalInput } from "../validation/proposals";
import { assertProposedTransition, revertValues } from "./apply";

// A proposal is checked in full when it is proposed, revised and rebased, with the rules its
// approval will apply, so that a reviewer never approves what cannot be stored and the author
// hears at once what is wrong (field by field, never a server error).

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([field, messages]) => [`${prefix}${field}`, messages]));

/** Checks the agreement a change would leave, with the one agreement write's rules (nothing written). */
async function checkResultingAgreement(tx: Tx, agreementId: string, changes: Record<string, unknown>, prefix: string): Promise<void> {
  const [current] = await tx.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!current) return; // resolveBase refuses a missing agreement
  try {
    await checkAgreements(tx, [{ values: { ...valuesOf(current), ...changes }, exceptId: current.id }]);
  } catch (error) {
    if (error instanceof FieldRefusal) throw new FieldRefusal(prefixed(prefix, error.fieldErrors));
    throw error;
  }
}

/** Refuses (FieldRefusal, ReviewError) a proposal whose approval would be refused. */
export async function validateProposal(tx: Tx, input: CreateProposalInput): Promise<void> {
  switch (input.kind) {
    case "agreement.update":
      return checkResultingAgreement(tx, input.agreementId, input.changes, "changes.");
    case "revision.revert": {
      const { agreementId, values } = await revertValues(tx, input.revisionId);
      return checkResultingAgreement(tx, agreementId, values, "");
    }
    case "event.create": {
      await assertProposedTransition(tx, input.agreementId, input.event);
      const cited = input.event.sources.flatMap((s, i) => (s.type === "existing" ? [{ i, id: s.sourceId }] : []));
      if (cited.length === 0) return;
      const found = new Set(
        (await tx.select({ id: sources.id }).from(sources).where(inArray(sources.id, cited.map((c) => c.id)))).map((s) => s.id),
      );
      const errors: FieldErrors = {};
      for (const c of cited) if (!found.has(c.id)) errors[`event.sources.${c.i}.sourceId`] = ["rules.sourceMissing"];
      if (Object.keys(errors).length > 0) throw new FieldRefusal(errors);
    }
  }
}

/**
 * The files a proposal's protocol sources cite by id (issue 10 #3): only a file uploaded with
 * this proposal (an earlier version of it stored it), or one its author may read that is
 * already attached to a source the same event cites. The file name is the stored one; the
 * client's is ignored. Returns the input with the stored names; refuses any other id.
 */
export async function resolveCitedAttachments<T extends CreateProposalInput>(
  tx: Tx,
  input: T,
  opts: { actor: Actor; proposalId?: string | null },
): Promise<T> {
  if (input.kind !== "event.create") return input;
  const event = input.event;
  const cites = event.sources.some((s) => s.type !== "existing" && s.fileIndex === undefined && s.attachmentId);
  if (!cites) return input;

  const names = new Map<string, string>();
  if (opts.proposalId) {
    const versions = await tx.select({ payload: proposalVersions.payload }).from(proposalVersions).where(eq(proposalVersions.proposalId, opts.proposalId));
    for (const v of versions) {
      const payload = v.payload as Partial<CreateProposalInput>;
      if (payload.kind !== "event.create" || !payload.event) continue;
      for (const s of payload.event.sources) {
        if (s.type !== "existing" && s.attachmentId) names.set(s.attachmentId, s.attachmentFilename ?? "protokoll.pdf");
      }
    }
  }
  const citedSources = event.sources.flatMap((s) => (s.type === "existing" ? [s.sourceId] : []));
  if (citedSources.length > 0) {
    const attached = await tx
      .select({ attachmentId: sourceAttachments.attachmentId, filename: sourceAttachments.filename, sourceId: sourceAttachments.sourceId })
      .from(sourceAttachments)
      .where(inArray(sourceAttachments.sourceId, citedSources));
    for (const a of attached) {
      if (!names.has(a.attachmentId) && can(opts.actor, "attachment.read", {})) names.set(a.attachmentId, a.filename);
    }
  }

  const errors: FieldErrors = {};
  const resolved = event.sources.map((s, i) => {
    if (s.type === "existing" || s.fileIndex !== undefined || !s.attachmentId) return s;
    const name = names.get(s.attachmentId);
    if (name === undefined) {
      errors[`event.sources.${i}.attachmentId`] = ["rules.attachmentNotYours"];
      return s;
    }
    return { ...s, attachmentFilename: name };
  });
  if (Object.keys(errors).length > 0) throw new FieldRefusal(errors);
  return { ...input, event: { ...event, sources: resolved } };
}
