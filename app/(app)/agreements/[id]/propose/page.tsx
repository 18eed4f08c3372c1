import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ProposalForm } from "@/components/review/proposal-form";
import { agreements, proposals } from "@/db/schema";
import { requireUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { getAgreement } from "@/lib/agreements/get";
import { agreementFieldValues } from "@/lib/review/agreement-fields";
import type { ProposalPayload } from "@/lib/review/proposals";
import type { ProposalFormValues } from "@/lib/validation/proposals";
import { emptySourceInput } from "@/lib/validation/sources";
import { createProposalAction, reviseProposalAction } from "../../../review/actions";

const EMPTY: ProposalFormValues = {
  mode: "status",
  summary: "",
  status: "resumed",
  effective: "",
  reasons: [],
  reasonOther: "",
  decidedBy: "",
  initiatedBy: "swedish_side",
  note: "",
  source: emptySourceInput("protocol"),
  attachmentId: "",
  attachmentFilename: "",
  hasFile: false,
  quote: "",
  page: "",
  designation: "",
  established: "",
  funding: "",
  areas: "",
  notes: "",
};

function fromPayload(payload: ProposalPayload, base: ProposalFormValues): ProposalFormValues {
  if (payload.kind === "event.create") {
    const e = payload.event;
    const given = e.sources.find((s) => s.type !== "existing");
    return {
      ...base,
      mode: "status",
      summary: payload.summary ?? "",
      status: e.status,
      effective: e.effective ?? "",
      reasons: e.reasons,
      reasonOther: e.reasonOther ?? "",
      decidedBy: e.decidedBy ?? "",
      initiatedBy: e.initiatedBy,
      note: e.note ?? "",
      ...(given
        ? {
            // A new source keeps its kind and fields (the author may change the kind when revising);
            // one from the earlier protocol-only form becomes a protocol.
            source:
              given.type === "new"
                ? { ...emptySourceInput(given.source.kind), ...given.source }
                : {
                    ...emptySourceInput("protocol"),
                    body: given.body,
                    meetingDate: given.meetingDate,
                    paragraph: given.paragraph ?? "",
                    diarienummer: given.diarienummer ?? "",
                  },
            attachmentId: given.attachmentId ?? "",
            attachmentFilename: given.attachmentFilename ?? "",
            quote: given.quote ?? "",
            page: given.page ?? "",
          }
        : {}),
    };
  }
  if (payload.kind === "agreement.update") {
    const c = payload.changes;
    return {
      ...base,
      mode: "fields",
      summary: payload.summary ?? "",
      ...(c.designation !== undefined ? { designation: c.designation ?? "" } : {}),
      ...(c.established !== undefined ? { established: c.established ?? "" } : {}),
      ...(c.funding !== undefined ? { funding: c.funding ?? "" } : {}),
      ...(c.areas !== undefined ? { areas: (c.areas ?? []).join(", ") } : {}),
      ...(c.notes !== undefined ? { notes: c.notes ?? "" } : {}),
    };
  }
  return base;
}

export default async function ProposePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ revise?: string }> }) {
  const { id } = await params;
  const { revise } = await searchParams;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const { db, user } = await requireUser();
  const detail = await getAgreement(db, id);
  if (!detail) notFound();
  if (!can({ ...user, active: true }, "proposal.create", { organizationId: detail.swedish.id })) {
    refusePage({ action: "proposal.create", organizationName: user.organizationName, backHref: `/agreements/${id}` });
  }
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  const values = agreementFieldValues(row!);
  const current = {
    designation: values.designation ?? null,
    established: values.established ?? null,
    funding: values.funding ?? null,
    areas: values.areas ?? [],
    notes: values.notes ?? null,
  };
  const base: ProposalFormValues = {
    ...EMPTY,
    designation: current.designation ?? "",
    established: current.established ?? "",
    funding: current.funding ?? "",
    areas: current.areas.join(", "),
    notes: current.notes ?? "",
    source: { ...emptySourceInput("protocol"), body: user.organizationName ? `Kommunstyrelsen, ${user.organizationName}` : "" },
  };
  let initial = base;
  let reviseId: string | undefined;
  if (revise && z.string().uuid().safeParse(revise).success) {
    const [p] = await db.select().from(proposals).where(eq(proposals.id, revise));
    if (p && p.agreementId === id && can({ ...user, active: true }, "proposal.revise", { authorId: p.authorId, organizationId: p.organizationId })) {
      initial = fromPayload(p.payload as ProposalPayload, base);
      reviseId = p.id;
    }
  }
  const t = await getTranslations("review.propose");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("forAgreement", { title: `${detail.swedish.name} – ${detail.foreign.name}` })}</p>
      <p className="alert alert--info">{t("intro")}</p>
      <ProposalForm
        agreement={{ id, version: row!.version, current }}
        initial={initial}
        reviseId={reviseId}
        create={createProposalAction}
        revise={reviseProposalAction}
      />
    </>
  );
}
