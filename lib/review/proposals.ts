import { and, desc, eq, max } from "drizzle-orm";
import { z, ZodError } from "zod";
import type { Tx } from "@/db/client";
import { agreements, proposalComments, proposalVersions, proposals, revisions, statusEvents, users, type Proposal } from "@/db/schema";
import type { ActionContext } from "../auth/guard";
import { ForbiddenError } from "../auth/errors";
import { can } from "../auth/permissions";
import { notify, reviewerIds } from "../notifications";
import {
  commentSchema,
  createProposalSchema,
  decisionSchema,
  type CreateProposalInput,
} from "../validation/proposals";
import { agreementFieldValues, pickFields } from "./agreement-fields";
import { attachmentStorage, type AttachmentStorage } from "../attachments/storage";
import { checkUploads, transactionWithUploads, type UploadInput, type UploadSession } from "../attachments/store";
import { applyProposal } from "./apply";
import { resolveCitedAttachments, validateProposal } from "./validate";
import { ReviewError } from "./errors";

/** What a proposal stores: the validated input, and a snapshot of what it was based on. */
export type ProposalPayload = CreateProposalInput & {
  /** agreement.update / revision.revert: the values of the changed fields when the proposal was made. */
  baseValues?: Record<string, unknown>;
  /** event.create: the last recorded event of the agreement when the proposal was made. */
  baseEventSeq?: number | null;
};

const actor = (ctx: ActionContext) => ({ ...ctx.user, active: true });

async function loadAgreement(tx: Tx, id: string) {
  const [a] = await tx.select().from(agreements).where(eq(agreements.id, id));
  if (!a) throw new ReviewError("not_found", "The agreement does not exist.");
  return a;
}

async function lastEventSeq(tx: Tx, agreementId: string): Promise<number | null> {
  const [row] = await tx.select({ seq: max(statusEvents.seq) }).from(statusEvents).where(eq(statusEvents.agreementId, agreementId));
  return row?.seq ?? null;
}

/**
 * Resolves what a proposal is about and snapshots its base. Shared by create, revise and rebase,
 * so that all three judge "based on what" the same way.
 */
async function resolveBase(tx: Tx, input: CreateProposalInput) {
  switch (input.kind) {
    case "agreement.update": {
      const a = await loadAgreement(tx, input.agreementId);
      if (a.version !== input.baseVersion) {
        throw new ReviewError("version_conflict", "The agreement has changed since you opened it; reload and propose again.", {
          currentVersion: a.version,
        });
      }
      return {
        agreementId: a.id,
        organizationId: a.swedishOrgId,
        baseVersion: a.version,
        extra: { baseValues: pickFields(agreementFieldValues(a), Object.keys(input.changes)) },
      };
    }
    case "event.create": {
      const a = await loadAgreement(tx, input.agreementId);
      return { agreementId: a.id, organizationId: a.swedishOrgId, baseVersion: a.version, extra: { baseEventSeq: await lastEventSeq(tx, a.id) } };
    }
    case "revision.revert": {
      const [rev] = await tx.select().from(revisions).where(eq(revisions.id, input.revisionId));
      if (!rev) throw new ReviewError("not_found", "The revision does not exist.");
      if (rev.entityType !== "agreement") throw new ReviewError("nothing_to_revert", "Only agreement revisions can be reverted through review.");
      if (!rev.before) throw new ReviewError("nothing_to_revert", "A creation cannot be reverted; nothing is deleted from the registry.");
      const a = await loadAgreement(tx, rev.entityId);
      return {
        agreementId: a.id,
        organizationId: a.swedishOrgId,
        baseVersion: a.version,
        extra: { baseValues: pickFields(agreementFieldValues(a), rev.changedFields) },
      };
    }
  }
}

export interface ProposalFiles {
  /** Files uploaded with the request; a protocol source names one by `fileIndex`. */
  files?: readonly UploadInput[];
  storage?: AttachmentStorage;
}

/** Checks the uploaded files before anything is written; refuses with each file's problem. */
function checkProposalFiles(input: CreateProposalInput, files: readonly UploadInput[]) {
  const wanted = input.kind === "event.create" ? input.event.sources.flatMap((s) => (s.type !== "existing" && s.fileIndex !== undefined ? [s.fileIndex] : [])) : [];
  if (wanted.some((i) => i >= files.length)) throw new ReviewError("upload_refused", "A named file was not uploaded.");
  const checked = checkUploads(files);
  if (!checked.ok) throw new ReviewError("upload_refused", "A file was refused.", { problems: checked.problems });
  return checked.uploads;
}

/** Stores the files a proposal's protocol sources name, and puts their attachment ids in the payload. */
async function storeProposalFiles(tx: Tx, session: UploadSession, input: CreateProposalInput, uploads: ReturnType<typeof checkProposalFiles>, actorId: string) {
  if (input.kind !== "event.create") return input;
  const sources = [];
  for (const s of input.event.sources) {
    if (s.type === "existing" || s.fileIndex === undefined) {
      sources.push(s);
      continue;
    }
    const upload = uploads[s.fileIndex]!;
    const { id } = await session.store(tx, upload, actorId);
    const { fileIndex: _i, ...rest } = s;
    sources.push({ ...rest, attachmentId: id, attachmentFilename: upload.filename });
  }
  return { ...input, event: { ...input.event, sources } };
}

export async function createProposal({ ctx, input, files = [], storage }: { ctx: ActionContext; input: unknown } & ProposalFiles): Promise<Proposal> {
  const parsed = createProposalSchema.parse(input);
  const uploads = checkProposalFiles(parsed, files);
  return transactionWithUploads(ctx.db, storage ?? attachmentStorage(), async (tx, session) => {
    const base = await resolveBase(tx, parsed);
    if (!can(actor(ctx), "proposal.create", { organizationId: base.organizationId })) {
      throw new ForbiddenError("proposal.create", "You may propose changes only to your own organisation's agreements.");
    }
    await validateProposal(tx, parsed);
    const cited = await resolveCitedAttachments(tx, parsed, { actor: actor(ctx) });
    const stored = await storeProposalFiles(tx, session, cited, uploads, ctx.user.id);
    const payload: ProposalPayload = { ...stored, ...base.extra };
    const [proposal] = await tx
      .insert(proposals)
      .values({
        kind: parsed.kind,
        agreementId: base.agreementId,
        organizationId: base.organizationId,
        baseVersion: base.baseVersion,
        payload,
        summary: parsed.summary ?? null,
        authorId: ctx.user.id,
      })
      .returning();
    await tx.insert(proposalVersions).values({ proposalId: proposal!.id, payload, baseVersion: base.baseVersion, authorId: ctx.user.id });
    await notify(tx, await reviewerIds(tx, ctx.user.id), "proposal.submitted", proposal!.id, {
      title: parsed.summary ?? parsed.kind,
      actorName: ctx.user.name,
    });
    return proposal!;
  });
}

async function lockProposal(tx: Tx, proposalId: string): Promise<Proposal> {
  const [p] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for("update");
  if (!p) throw new ReviewError("not_found", "The proposal does not exist.");
  return p;
}

async function decidedByName(tx: Tx, p: Proposal): Promise<string | null> {
  if (!p.decidedBy) return null;
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, p.decidedBy));
  return u?.name ?? null;
}

async function requireOpen(tx: Tx, p: Proposal, expectedVersion?: number) {
  if (p.status === "approved" || p.status === "rejected" || p.status === "withdrawn") {
    const by = await decidedByName(tx, p);
    throw new ReviewError("not_open", `The proposal was already ${p.status}${by ? ` by ${by}` : ""}.`, { status: p.status, decidedBy: by });
  }
  if (expectedVersion !== undefined && p.version !== expectedVersion) {
    throw new ReviewError("version_conflict", "The proposal changed while you were looking at it; reload it before deciding.", {
      currentVersion: p.version,
    });
  }
}

function requireReviewer(ctx: ActionContext, p: Proposal) {
  if (p.authorId === ctx.user.id && ctx.user.roles.includes("reviewer")) {
    throw new ForbiddenError("proposal.review", "You cannot decide your own proposal; another reviewer must.");
  }
  if (!can(actor(ctx), "proposal.review", { authorId: p.authorId, organizationId: p.organizationId })) throw new ForbiddenError("proposal.review");
}

/** Whether the record changed since the proposal was based on it. */
export async function isStale(tx: Tx, p: Proposal): Promise<boolean> {
  if (!p.agreementId) return false;
  const payload = p.payload as ProposalPayload;
  if (p.kind === "event.create") return (await lastEventSeq(tx, p.agreementId)) !== (payload.baseEventSeq ?? null);
  const a = await loadAgreement(tx, p.agreementId);
  return a.version !== p.baseVersion;
}

export async function commentOnProposal({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  const { proposalId, body } = commentSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, proposalId);
    if (!can(actor(ctx), "proposal.comment", { authorId: p.authorId, organizationId: p.organizationId })) throw new ForbiddenError("proposal.comment");
    await tx.insert(proposalComments).values({ proposalId, authorId: ctx.user.id, kind: "comment", body });
    const others = p.authorId === ctx.user.id ? await reviewerIds(tx, ctx.user.id) : [p.authorId];
    await notify(tx, others, "proposal.commented", proposalId, { title: p.summary ?? p.kind, actorName: ctx.user.name });
  });
}

type Decision = "changes_requested" | "approved" | "rejected";

/**
 * A reviewer's decision, in one transaction: the proposal row is locked and its version
 * checked, so two reviewers approving at once end with exactly one applied change; the other
 * is told who won. Approval applies the change in the same transaction.
 */
async function decide(ctx: ActionContext, input: unknown, decision: Decision): Promise<void> {
  const { proposalId, version, reason } = decisionSchema.parse(input);
  if (decision !== "approved" && !reason) {
    throw new ZodError([{ code: "custom", path: ["reason"], message: "review.errors.reasonRequired", input: reason }]);
  }
  await ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, proposalId);
    requireReviewer(ctx, p);
    await requireOpen(tx, p, version);
    if (decision === "approved") {
      if (p.status !== "open") throw new ReviewError("not_open", "The author has been asked for changes; wait for the revised proposal.");
      if (await isStale(tx, p)) {
        throw new ReviewError("stale", "The record has changed since this proposal was made; rebase it and check the diff again.");
      }
      await applyProposal(tx, p, ctx.user.id);
    }
    const final = decision !== "changes_requested";
    await tx
      .update(proposals)
      .set({
        status: decision,
        version: p.version + 1,
        updatedAt: new Date(),
        ...(final ? { decidedBy: ctx.user.id, decidedAt: new Date(), decisionReason: reason ?? null } : {}),
      })
      .where(and(eq(proposals.id, p.id), eq(proposals.version, p.version)));
    await tx.insert(proposalComments).values({ proposalId, authorId: ctx.user.id, kind: decision, body: reason ?? "" });
    await notify(tx, [p.authorId], `proposal.${decision}`, p.id, { title: p.summary ?? p.kind, actorName: ctx.user.name, reason });
  });
}

export async function requestChanges({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  return decide(ctx, input, "changes_requested");
}

/** The author's new version of the proposal: a new base snapshot, back in the queue. */
export async function reviseProposal({
  ctx,
  input,
  files = [],
  storage,
}: { ctx: ActionContext; input: { proposalId: string; proposal: unknown; comment?: string } } & ProposalFiles) {
  const parsed = createProposalSchema.parse(input.proposal);
  const uploads = checkProposalFiles(parsed, files);
  return transactionWithUploads(ctx.db, storage ?? attachmentStorage(), async (tx, session) => {
    const p = await lockProposal(tx, input.proposalId);
    if (!can(actor(ctx), "proposal.revise", { authorId: p.authorId, organizationId: p.organizationId })) throw new ForbiddenError("proposal.revise");
    await requireOpen(tx, p);
    if (parsed.kind !== p.kind) throw new ReviewError("not_open", "A revision keeps the kind of change.");
    const base = await resolveBase(tx, parsed);
    if (base.agreementId !== p.agreementId) throw new ReviewError("not_open", "A revision keeps the record it is about.");
    await validateProposal(tx, parsed);
    const cited = await resolveCitedAttachments(tx, parsed, { actor: actor(ctx), proposalId: p.id });
    const stored = await storeProposalFiles(tx, session, cited, uploads, ctx.user.id);
    const payload: ProposalPayload = { ...stored, ...base.extra };
    await tx
      .update(proposals)
      .set({ status: "open", payload, baseVersion: base.baseVersion, summary: parsed.summary ?? p.summary, version: p.version + 1, updatedAt: new Date() })
      .where(eq(proposals.id, p.id));
    await tx.insert(proposalVersions).values({ proposalId: p.id, payload, baseVersion: base.baseVersion, authorId: ctx.user.id });
    await tx.insert(proposalComments).values({ proposalId: p.id, authorId: ctx.user.id, kind: "revised", body: input.comment?.trim() || "" });
    await notify(tx, await reviewerIds(tx, ctx.user.id), "proposal.revised", p.id, { title: p.summary ?? p.kind, actorName: ctx.user.name });
  });
}

/** Re-bases a stale proposal on the record as it is now; the diff is recomputed from the new base. */
export async function rebaseProposal({ ctx, input }: { ctx: ActionContext; input: { proposalId: string } }) {
  return ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, input.proposalId);
    const isAuthor = p.authorId === ctx.user.id;
    if (!isAuthor && !can(actor(ctx), "proposal.review", { authorId: p.authorId, organizationId: p.organizationId })) throw new ForbiddenError("proposal.review");
    await requireOpen(tx, p);
    // The stored payload is checked again as if it were proposed now.
    const old = createProposalSchema.parse(stripBase(p.payload as ProposalPayload));
    const refreshed: CreateProposalInput =
      old.kind === "agreement.update" ? { ...old, baseVersion: (await loadAgreement(tx, old.agreementId)).version } : old;
    const base = await resolveBase(tx, refreshed);
    await validateProposal(tx, refreshed);
    const cited = await resolveCitedAttachments(tx, refreshed, { actor: actor(ctx), proposalId: p.id });
    const payload: ProposalPayload = { ...cited, ...base.extra };
    await tx
      .update(proposals)
      .set({ payload, baseVersion: base.baseVersion, version: p.version + 1, updatedAt: new Date() })
      .where(eq(proposals.id, p.id));
    await tx.insert(proposalVersions).values({ proposalId: p.id, payload, baseVersion: base.baseVersion, authorId: ctx.user.id });
    await tx.insert(proposalComments).values({ proposalId: p.id, authorId: ctx.user.id, kind: "rebased", body: "" });
  });
}

function stripBase(payload: ProposalPayload): CreateProposalInput {
  const { baseValues: _b, baseEventSeq: _s, ...rest } = payload;
  return rest as CreateProposalInput;
}

/** Approves a proposal and applies its change (see `decide`). */
export async function approveProposal({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  return decide(ctx, input, "approved");
}

/** The decisions a reviewer can make; anything else is refused, never taken as one of them. */
export const DECISIONS = ["approve", "reject", "request_changes"] as const;
export type DecisionKind = (typeof DECISIONS)[number];
const decisionKindSchema = z.object({ decision: z.enum(DECISIONS, "rules.unknownDecision") });

/** A reviewer's decision by name (the review page's buttons): an unknown one is a field error. */
export async function decideProposal({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  const { decision } = decisionKindSchema.parse(input);
  if (decision === "approve") return approveProposal({ ctx, input });
  if (decision === "reject") return rejectProposal({ ctx, input });
  return requestChanges({ ctx, input });
}

export async function rejectProposal({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  return decide(ctx, input, "rejected");
}

export async function withdrawProposal({ ctx, input }: { ctx: ActionContext; input: { proposalId: string } }) {
  return ctx.db.transaction(async (tx) => {
    const p = await lockProposal(tx, input.proposalId);
    if (p.authorId !== ctx.user.id) throw new ForbiddenError("proposal.revise");
    await requireOpen(tx, p);
    await tx.update(proposals).set({ status: "withdrawn", version: p.version + 1, updatedAt: new Date() }).where(eq(proposals.id, p.id));
    await tx.insert(proposalComments).values({ proposalId: p.id, authorId: ctx.user.id, kind: "withdrawn", body: "" });
  });
}

export async function latestProposals(tx: Tx, agreementId: string) {
  return tx.select().from(proposals).where(eq(proposals.agreementId, agreementId)).orderBy(desc(proposals.createdAt));
}
