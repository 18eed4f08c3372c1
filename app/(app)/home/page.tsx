import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { ConfirmButton } from "@/components/officials/confirm-button";
import { ConfirmForm } from "@/components/officials/confirm-form";
import { requireUser } from "@/lib/auth/guard";
import { organizationHome } from "@/lib/officials/home";
import { confirmAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("home"))("title") };
}

/** Where an official lands: their organisation's agreements, what is known, and what to do. Staff land on the registry. */
export default async function HomePage() {
  const { db, user } = await requireUser();
  if (!user.roles.includes("municipal_official")) redirect("/agreements");
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  const rows = user.organizationId ? await organizationHome(db, user, user.organizationId) : [];
  const confirmable = rows.filter((r) => r.event);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("home.title")}</h1>
          <p className="page-header__sub muted">{t("home.intro", { organization: user.organizationName ?? "–", count: rows.length })}</p>
        </div>
      </div>
      {rows.length === 0 && <p className="card">{t("home.none")}</p>}
      <ul className="home-list">
        {rows.map((a) => (
          <li key={a.id} className="card home-card" data-testid="home-agreement">
            <h2 className="home-card__title">
              <Link href={`/agreements/${a.id}`}>
                {user.organizationName} – {a.foreignName}
              </Link>{" "}
              {a.foreignNative && (
                <span className="native muted" lang="zh">
                  {a.foreignNative}
                </span>
              )}
            </h2>
            <p className="home-card__state">
              <span className="badge badge--kind">{t(`kind.${a.kind}`)}</span> <StatusBadge status={a.event?.status ?? null} />{" "}
              {a.event && <PartialDateText on={a.event.effectiveOn} precision={a.event.precision} />}
            </p>
            <p className="home-card__confirmed" data-testid="last-confirmed">
              {a.lastConfirmation
                ? t(a.lastConfirmation.current ? "confirm.last" : "confirm.lastOlder", {
                    at: dates.momentDay(a.lastConfirmation.confirmedAt),
                    name: a.lastConfirmation.confirmedByName,
                  })
                : t("confirm.never")}
            </p>
            {a.proposals.length > 0 && (
              <ul className="home-card__proposals" aria-label={t("home.openProposals")}>
                {a.proposals.map((p) => (
                  <li key={p.id}>
                    <Link href={`/review/${p.id}`}>{t(`review.proposalKind.${p.kind}` as "review.proposalKind.event.create")}</Link>{" "}
                    <span className={`badge badge--proposal-${p.status}`}>{t(`review.proposalStatus.${p.status}`)}</span>{" "}
                    <span className="muted">
                      {t("home.proposedBy", { name: p.authorName, at: dates.momentDay(p.createdAt) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="btn-row">
              {a.event && <ConfirmButton agreementId={a.id} eventId={a.event.id} label={t("confirm.button")} confirm={confirmAction} primary />}
              <Link className="btn" href={`/agreements/${a.id}/propose`}>
                {t("review.propose.title")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
      {confirmable.length > 1 && (
        <section className="card" aria-labelledby="confirm-all">
          <h2 id="confirm-all" style={{ marginTop: 0 }}>
            {t("confirm.allTitle")}
          </h2>
          <p className="muted">{t("confirm.allIntro")}</p>
          <ConfirmForm
            confirm={confirmAction}
            items={confirmable.map((a) => ({
              agreementId: a.id,
              eventId: a.event!.id,
              label: `${user.organizationName} – ${a.foreignName} (${t(`kind.${a.kind}`)})`,
              state: t(`status.${a.event!.status}`),
            }))}
          />
        </section>
      )}
    </>
  );
}
