import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AgreementForm, type AgreementFormValues } from "@/components/agreements/agreement-form";
import { getDb } from "@/db/app-db";
import { getAgreement } from "@/lib/agreements/get";
import { fieldTexts } from "@/lib/agreements/fields";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import type { AgreementKind } from "@/lib/domain/enums";
import { listForeignOrganizations, listSwedishOrganizations } from "@/lib/organizations/list";
import { updateAgreementAction } from "../../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("registry.form");
  return { title: t("editTitle") };
}

export default async function EditAgreementPage({ params }: Params) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const [t, user, a] = await Promise.all([getTranslations(), getCurrentUser(), getAgreement(db, id)]);
  if (!a) notFound();
  const actor = user ? { ...user, active: true } : null;
  if (!can(actor, "agreement.update", { organizationId: a.agreement.swedishOrgId })) refusePage({ action: "agreement.update", backHref: `/agreements/${id}` });
  const [swedish, foreign] = await Promise.all([listSwedishOrganizations(db), listForeignOrganizations(db)]);
  const texts = fieldTexts(a.agreement);
  const values: AgreementFormValues = {
    id,
    baseVersion: a.agreement.version,
    reason: "",
    swedishOrgId: texts.swedishOrgId,
    foreign: { mode: "existing", id: texts.foreignOrgId },
    kind: texts.kind as AgreementKind,
    designation: texts.designation,
    established: texts.established,
    funding: texts.funding,
    areas: texts.areas,
    notes: texts.notes,
  };
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/agreements/${id}`}>
          ← {a.swedish.name} – {a.foreign.name}
        </Link>
      </p>
      <h1>
        {t("registry.form.editTitle")}: {a.swedish.name} – {a.foreign.name}
      </h1>
      <p className="muted">{t("registry.agreement.version", { version: a.agreement.version })}</p>
      <AgreementForm
        mode="edit"
        defaultValues={values}
        swedish={swedish}
        foreign={foreign}
        canCreateOrganization={can(actor, "organization.create")}
        action={updateAgreementAction}
        cancelHref={`/agreements/${id}`}
      />
    </>
  );
}
