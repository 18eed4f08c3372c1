"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/result";
import type { UploadInput } from "@/lib/attachments/store";
import { requireUser } from "@/lib/auth/guard";
import {
  commentOnProposal,
  createProposal,
  decideProposal,
  rebaseProposal,
  reviseProposal,
  withdrawProposal,
  type DecisionKind,
} from "@/lib/review/proposals";

// Thin: every function checks the user's rights itself (lib/review), whatever the client sends.

function refresh(proposalId?: string, agreementId?: string) {
  revalidatePath("/review");
  if (proposalId) revalidatePath(`/review/${proposalId}`);
  if (agreementId) revalidatePath(`/agreements/${agreementId}`);
  revalidatePath("/", "layout");
}

/** The form's values travel as JSON beside the uploaded protocol file(s). */
async function readProposalForm(form: FormData): Promise<{ input: unknown; files: UploadInput[] }> {
  const raw = form.get("input");
  const input: unknown = typeof raw === "string" ? JSON.parse(raw) : null;
  const files = await Promise.all(
    form
      .getAll("file")
      .filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f)
      .map(async (f) => ({ filename: f.name, declaredType: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  return { input, files };
}

export async function createProposalAction(form: FormData) {
  return runAction(async () => {
    const ctx = await requireUser();
    const { input, files } = await readProposalForm(form);
    const p = await createProposal({ ctx, input, files });
    refresh(p.id, p.agreementId ?? undefined);
    return { id: p.id };
  });
}

export async function reviseProposalAction(proposalId: string, form: FormData, comment?: string) {
  return runAction(async () => {
    const ctx = await requireUser();
    const { input: proposal, files } = await readProposalForm(form);
    await reviseProposal({ ctx, input: { proposalId, proposal, comment }, files });
    refresh(proposalId);
  });
}

export async function commentAction(input: { proposalId: string; body: string }) {
  return runAction(async () => {
    const ctx = await requireUser();
    await commentOnProposal({ ctx, input });
    refresh(input.proposalId);
  });
}

export async function decideAction(kind: DecisionKind, input: { proposalId: string; version: number; reason?: string }) {
  return runAction(async () => {
    const ctx = await requireUser();
    // The decision is checked in lib: "foo" is refused as unknown, not taken as "request changes".
    await decideProposal({ ctx, input: { ...input, decision: kind } });
    refresh(input.proposalId);
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
