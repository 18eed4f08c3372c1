import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { lastConfirmations } from "@/lib/confirmations/read";
import { pendingProposals } from "@/lib/officials/home";

/**
 * On an agreement's page, for everyone who sees it: when its state was last confirmed and by
 * whom; and the proposals about it that wait for a reviewer, those the reader may read.
 */
export async function AgreementCheckIn({ agreementId }: { agreementId: string }) {
  const [db, user] = await Promise.all([getDb(), getCurrentUser()]);
  const [t, locale, confirmed, pending] = await Promise.all([
    getTranslations(),
    getLocale(),
    lastConfirmations(db, [agreementId]),
    // Only the proposals this reader may read (can("proposal.read")): never others' by name.
    user ? pendingProposals(db, user, agreementId) : Promise.resolve([]),
  ]);
  const dates = dateFormat(locale);
  const last = confirmed.get(agreementId);
  const item = (p: (typeof pending)[number]) =>
    t("home.pendingItem", {
      kind: t(`review.proposalStatus.${p.status}` as "review.proposalStatus.open"),
      name: p.author,
      at: dates.momentDay(new Date(p.created_at)),
    });
  return (
    <div className="check-in">
      <p className="check-in__confirmed" data-testid="last-confirmed">
        {last
          ? t(last.current ? "confirm.last" : "confirm.lastOlder", { at: dates.momentDay(last.confirmedAt), name: last.confirmedByName })
          : t("confirm.never")}
        {last?.note && <span className="muted"> – ”{last.note}”</span>}
      </p>
      {last?.evidence && (
        <p className="check-in__evidence" data-testid="last-confirmed-evidence">
          <Link href={`/sources/${last.evidence.id}`}>{t("confirm.lastEvidence", { citation: `${t(`sourceKind.${last.evidence.kind}` as "sourceKind.email")}: ${last.evidence.citation}` })}</Link>
        </p>
      )}
      {pending.length > 0 && (
        <div className="alert alert--warning" role="status" data-testid="pending-proposals">
          {t("home.pendingNotice", { count: pending.length })}
          <ul>
            {pending.map((p) => (
              <li key={p.id}>
                <Link href={`/review/${p.id}`}>{item(p)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
