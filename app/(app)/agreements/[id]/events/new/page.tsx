import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/agreements/status-badge";
import { emptyStatusChange } from "@/components/events/form-values";
import { StatusChangeForm } from "@/components/events/status-change-form";
import { searchSourcesAction } from "@/app/(app)/sources/actions";
import { refusePage } from "@/lib/auth/refusal";
import { loadAgreementForEvidence } from "@/lib/events/page-data";
import { logStatusChangeAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("evidence.log");
  return { title: t("title") };
}

export default async function LogStatusChangePage({ params }: Params) {
  const { id } = await params;
  const data = await loadAgreementForEvidence(id, "event.create");
  if (data.error === "not_found") notFound();
  if (data.error === "forbidden") refusePage({ action: "event.create", backHref: `/agreements/${id}` });
  const t = await getTranslations();
  return (
    <>
      <p>
        <Link href={`/agreements/${id}`}>← {data.title}</Link>
      </p>
      <h1>{t("evidence.log.title")}</h1>
      <p>
        <strong>{data.title}</strong> <span className="badge badge--kind">{t(`kind.${data.agreement.agreement.kind}`)}</span>{" "}
        <span className="muted">{t("evidence.current")}:</span> <StatusBadge status={data.history.current?.event.status ?? null} />
      </p>
      <p className="muted">{t("evidence.log.intro")}</p>
      <StatusChangeForm
        mode="log"
        defaults={emptyStatusChange(id)}
        history={data.history.rulesHistory}
        submit={logStatusChangeAction}
        search={searchSourcesAction}
        cancelHref={`/agreements/${id}`}
      />
    </>
  );
}
