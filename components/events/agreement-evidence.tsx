import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { preferClaimAction } from "@/app/(app)/agreements/[id]/claims/actions";
import type { Source } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/permissions";
import { citationLabels } from "@/lib/citations/labels";
import { agreementCitation, type CitationContext } from "@/lib/citations/records";
import type { AgreementKind } from "@/lib/domain/enums";
import type { AgreementEvidenceData } from "@/lib/events/agreement-evidence";
import { todayIso } from "@/lib/validation/partial-date-input";
import { ClaimsPanel } from "./claims-panel";
import { CopyCitation } from "./copy-citation";
import { EventList } from "./event-list";
import { LifeTimelineView } from "./life-timeline-view";
import styles from "./evidence.module.css";

/** The request's own origin, for absolute addresses in citations. */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * The agreement page's evidence section: the visual timeline of the agreement's life, the
 * statements from sources with their conflicts, and the events with their sources and files,
 * with the actions the user may take (log, correct, add a source, prefer a claim) and citations.
 */
export async function AgreementEvidence({
  agreementId,
  title,
  kind,
  evidence,
  agreementSources,
  user,
}: {
  agreementId: string;
  title: string;
  kind: AgreementKind;
  evidence: AgreementEvidenceData;
  agreementSources: { source: Source; quote: string | null; page: string | null }[];
  user: Omit<Actor, "active"> | null;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  const actor = user ? { ...user, active: true } : null;
  const today = todayIso();
  const citation: CitationContext = {
    origin: await origin(),
    accessed: today,
    agreementId,
    agreementTitle: title,
    kindLabel: t(`kind.${kind}`).toLocaleLowerCase(locale),
    labels: citationLabels(t, locale),
  };
  const { history, claims } = evidence;
  const agreementUses = [...agreementSources, ...history.live.flatMap((e) => e.sources)];
  return (
    <section aria-labelledby="evidence-history" className={styles.stack}>
      <div className={styles.header}>
        <h2 id="evidence-history">{t("evidence.history.title")}</h2>
        <div className={styles.headerActions}>
          {can(actor, "event.create") && (
            <Link href={`/agreements/${agreementId}/events/new`} className="btn btn--primary">
              {t("evidence.log.button")}
            </Link>
          )}
          {claims.length === 0 && can(actor, "claim.create") && (
            <Link href={`/agreements/${agreementId}/claims/new`} className="btn">
              {t("claims.add")}
            </Link>
          )}
          <CopyCitation label={t("citation.agreement")} texts={agreementCitation(citation, agreementUses)} />
        </div>
      </div>
      <div className="card">
        <h3>{t("evidence.history.lifeTitle")}</h3>
        <LifeTimelineView live={history.live} claims={claims} today={today} />
      </div>
      {claims.length > 0 && (
        <ClaimsPanel agreementId={agreementId} claims={claims} canPrefer={can(actor, "claim.prefer")} canCreate={can(actor, "claim.create")} prefer={preferClaimAction.bind(null, agreementId)} />
      )}
      <div className="card">
        <h3>{t("evidence.history.listTitle")}</h3>
        <EventList entries={history.entries} permissions={{ canCorrect: can(actor, "event.correct"), canAddSource: can(actor, "event.create") }} citation={citation} />
      </div>
    </section>
  );
}
