import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { ConfirmForm } from "@/components/officials/confirm-form";
import { AgreementCheckIn } from "@/components/officials/agreement-check-in";
import { getAgreement } from "@/lib/agreements/get";
import { requireUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { confirmAction } from "../../../home/actions";

/** "Nothing has changed" for one agreement, with an optional note. */
export default async function ConfirmPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db, user } = await requireUser();
  const detail = await getAgreement(db, id);
  if (!detail) notFound();
  if (!can({ ...user, active: true }, "confirmation.create", { organizationId: detail.swedish.id })) forbidden();
  const t = await getTranslations();
  const title = `${detail.swedish.name} – ${detail.foreign.name}`;
  const current = detail.current?.event ?? null;
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/agreements/${id}`}>← {title}</Link>
      </p>
      <h1>{t("confirm.oneTitle")}</h1>
      <p>
        <strong>{title}</strong> <span className="badge badge--kind">{t(`kind.${detail.agreement.kind}`)}</span>
      </p>
      {current ? (
        <>
          <p className="home-card__state">
            <StatusBadge status={current.status} /> <PartialDateText on={current.effectiveOn} precision={current.effectivePrecision} />
          </p>
          <AgreementCheckIn agreementId={id} />
          <p>{t("confirm.oneIntro", { state: t(`status.${current.status}`) })}</p>
          <div className="card">
            <ConfirmForm
              confirm={confirmAction}
              doneHref={`/agreements/${id}`}
              items={[{ agreementId: id, eventId: current.id, label: title, state: t(`status.${current.status}`) }]}
            />
          </div>
          <p>
            <Link href={`/agreements/${id}/propose`}>{t("review.propose.title")}</Link>
          </p>
        </>
      ) : (
        <p className="alert alert--info">{t("confirm.errors.noState")}</p>
      )}
    </>
  );
}
