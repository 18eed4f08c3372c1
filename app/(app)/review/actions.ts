"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import { requireUser } from "@/lib/auth/guard";
import { flushEmails } from "@/lib/notifications/email";
import {
  approveProposal,
  commentOnProposal,
  createProposal,
  rebaseProposal,
  rejectProposal,
  requestChanges,
  reviseProposal,
  withdrawProposal,
} from "@/lib/review/proposals";

// Thin: every function checks the user's rights itself (lib/review), whatever the client sends.

async function afterChange(ctx: { db: Parameters<typeof flushEmails>[0] }, proposalId?: string, agreementId?: string) {
  await flushEmails(ctx.db);
  refresh(proposalId, agreementId);
}

function refresh(proposalId?: string, agreementId?: string) {
  revalidatePath("/review");
  if (proposalId) revalidatePath(`/review/${proposalId}`);
  if (agreementId) revalidatePath(`/agreements/${agreementId}`);
  revalidatePath("/", "layout");
}

export async function createProposalAction(input: unknown) {
  return runAction(async () => {
    const ctx = await requireUser();
    const p = await createProposal({ ctx, input });
    await afterChange(ctx, p.id, p.agreementId ?? undefined);
    return { id: p.id };
  });
}

export async function reviseProposalAction(proposalId: string, proposal: unknown, comment?: string) {
  return runAction(async () => {
    const ctx = await requireUser();
    await reviseProposal({ ctx, input: { proposalId, proposal, comment } });
    await afterChange(ctx, proposalId);
  });
}

export async function commentAction(input: { proposalId: string; body: string }) {
  return runAction(async () => {
    const ctx = await requireUser();
    await commentOnProposal({ ctx, input });
    await afterChange(ctx, input.proposalId);
  });
}

export type DecisionKind = "approve" | "reject" | "request_changes";

export async function decideAction(kind: DecisionKind, input: { proposalId: string; version: number; reason?: string }) {
  return runAction(async () => {
    const ctx = await requireUser();
    if (kind === "approve") await approveProposal({ ctx, input });
    else if (kind === "reject") await rejectProposal({ ctx, input });
    else await requestChanges({ ctx, input });
    await afterChange(ctx, input.proposalId);
  });
}

export async function rebaseAction(proposalId: string) {
  return runAction(async () => {
    await rebaseProposal({ ctx: await requireUser(), input: { proposalId } });
    refresh(proposalId);
  });
}

export async function withdrawAction(proposalId: string) {
  return runAction(async () => {
    await withdrawProposal({ ctx: await requireUser(), input: { proposalId } });
    refresh(proposalId);
  });
}
