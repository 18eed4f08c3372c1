import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { AddSourcesForm } from "@/components/events/add-sources-form";
import { searchSourcesAction } from "@/app/(app)/sources/actions";
import { refusePage } from "@/lib/auth/refusal";
import { loadAgreementForEvidence } from "@/lib/events/page-data";
import { addEventSourcesAction } from "../../actions";

type Params = { params: Promise<{ id: string; eventId: string }> };

export async function generateMetadata() {
  const t = await getTranslations("evidence.addSources");
  return { title: t("title") };
}

export default async function AddEventSourcesPage({ params }: Params) {
  const { id, eventId } = await params;
  const data = await loadAgreementForEvidence(id, "event.create");
  if (data.error === "not_found") notFound();
  if (data.error === "forbidden") refusePage({ action: "event.create", backHref: `/agreements/${id}` });
  const event = data.history.entries.find((e) => e.id === eventId);
  if (!event) notFound();
  const t = await getTranslations();
  return (
    <>
      <p>
        <Link href={`/agreements/${id}#event-${eventId}`}>← {data.title}</Link>
      </p>
      <h1>{t("evidence.addSources.title")}</h1>
      <p>
        <StatusBadge status={event.status} /> <PartialDateText on={event.effectiveOn} precision={event.effectivePrecision} />
        {!event.confirmed && <span className="muted"> · {t("evidence.history.draft")}</span>}
      </p>
      {event.supersededBy ? (
        <p className="alert alert--info">{t("evidence.addSources.superseded")}</p>
      ) : (
        <>
          <p className="muted">{t("evidence.addSources.intro")}</p>
          <AddSourcesForm eventId={eventId} submit={addEventSourcesAction} search={searchSourcesAction} cancelHref={`/agreements/${id}#event-${eventId}`} />
        </>
      )}
    </>
  );
}
