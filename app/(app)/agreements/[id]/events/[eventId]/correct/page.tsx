import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { newEntry } from "@/components/events/form-values";
import { StatusChangeForm } from "@/components/events/status-change-form";
import { searchSourcesAction } from "@/app/(app)/sources/actions";
import { refusePage } from "@/lib/auth/refusal";
import { loadAgreementForEvidence } from "@/lib/events/page-data";
import { fromPartialDate } from "@/lib/validation/partial-date-input";
import { correctEventAction } from "../../actions";

type Params = { params: Promise<{ id: string; eventId: string }> };

export async function generateMetadata() {
  const t = await getTranslations("evidence.correct");
  return { title: t("title") };
}

export default async function CorrectEventPage({ params }: Params) {
  const { id, eventId } = await params;
  const data = await loadAgreementForEvidence(id, "event.correct");
  if (data.error === "not_found") notFound();
  if (data.error === "forbidden") refusePage({ action: "event.correct", backHref: `/agreements/${id}` });
  const event = data.history.entries.find((e) => e.id === eventId);
  if (!event) notFound();
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  if (event.supersededBy) {
    return (
      <>
        <p>
          <Link href={`/agreements/${id}#event-${event.supersededBy.id}`}>← {data.title}</Link>
        </p>
        <h1>{t("evidence.correct.title")}</h1>
        <p className="alert alert--info">{t("evidence.correct.superseded")}</p>
      </>
    );
  }
  const defaults = {
    agreementId: id,
    supersedesId: event.id,
    correctionReason: "",
    status: event.status,
    effective: fromPartialDate({ on: event.effectiveOn, precision: event.effectivePrecision }),
    reasons: event.reasons,
    reasonOther: event.reasonOther ?? "",
    decidedBy: event.decidedBy ?? "",
    initiatedBy: event.initiatedBy,
    note: event.note ?? "",
    sources: event.sources.map((s) => ({ ...newEntry("existing", { id: s.source.id, label: s.source.citation }), quote: s.quote ?? "", page: s.page ?? "" })),
    saveAsDraft: false,
  };
  return (
    <>
      <p>
        <Link href={`/agreements/${id}`}>← {data.title}</Link>
      </p>
      <h1>{t("evidence.correct.title")}</h1>
      <p className="muted">{t("evidence.correct.intro")}</p>
      <StatusChangeForm
        mode="correct"
        defaults={defaults}
        history={data.history.rulesHistory}
        submit={correctEventAction}
        search={searchSourcesAction}
        cancelHref={`/agreements/${id}#event-${event.id}`}
        supersededSummary={
          <>
            <StatusBadge status={event.status} /> <PartialDateText on={event.effectiveOn} precision={event.effectivePrecision} />
            {event.decidedBy ? ` · ${event.decidedBy}` : ""} · {t("evidence.history.recorded", { name: event.recordedByName, at: dates.moment(event.recordedAt) })}
          </>
        }
      />
    </>
  );
}
