import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { z } from "zod";
import { CommentForm } from "@/components/review/comment-form";
import { DecisionPanel } from "@/components/review/decision-panel";
import { DiffTable } from "@/components/review/diff-table";
import { ProposedEvent } from "@/components/review/proposed-event";
import { ProposalLifeline } from "@/components/review/proposal-lifeline";
import { VersionChanges } from "@/components/review/version-changes";
import { WithdrawButton } from "@/components/review/withdraw-button";
import { requireUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { getProposalDetail } from "@/lib/review/queries";
import { commentAction, decideAction, rebaseAction, withdrawAction } from "../actions";

export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const { db, user } = await requireUser();
  const detail = await getProposalDetail(db, id);
  if (!detail) notFound();
  const { proposal: p, payload } = detail;
  const actor = { ...user, active: true };
  if (!can(actor, "proposal.read", { authorId: p.authorId, organizationId: p.organizationId })) refusePage({ action: "proposal.read" });
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  const isAuthor = p.authorId === user.id;
  const pending = p.status === "open" || p.status === "changes_requested";
  const mayReview = can(actor, "proposal.review", { authorId: p.authorId, organizationId: p.organizationId });

  return (
    <>
      <p>
        <Link href="/review">← {t("review.title")}</Link>
      </p>
      <h1>
        {t("review.proposalTitle", { kind: t(`review.proposalKind.${p.kind}`) })}{" "}
        <span className={`badge badge--proposal-${p.status}`} data-testid="proposal-status">
          {t(`review.proposalStatus.${p.status}`)}
        </span>
      </h1>
      <p className="muted">
        {p.summary && <strong>{p.summary} </strong>}
        {t("review.by", { name: detail.authorName, at: dates.moment(p.createdAt) })} ·{" "}
        {t("review.versions", { count: detail.versionCount })}
        {detail.agreement && (
          <>
            {" · "}
            <Link href={`/agreements/${detail.agreement.id}`}>{detail.agreement.title}</Link>
          </>
        )}
      </p>
      {isAuthor && p.status === "open" && (
        <div className="alert alert--success" role="status" data-testid="proposal-sent" style={{ marginBottom: "1rem" }}>
          {t("home.sent")}
        </div>
      )}
      {p.decidedAt && detail.decidedByName && (
        <div className="alert alert--info" style={{ marginBottom: "1rem" }}>
          {t("review.decidedBy", { name: detail.decidedByName, at: dates.moment(p.decidedAt) })}
          {p.decisionReason && <div>{t("review.decisionReason", { reason: p.decisionReason })}</div>}
        </div>
      )}
      {detail.diff.length > 0 && (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">{t("review.diff")}</h2>
          <DiffTable diff={detail.diff} />
        </section>
      )}
      {detail.versionChanges && <VersionChanges changes={detail.versionChanges} version={detail.versionCount} />}
      {payload.kind === "event.create" && <ProposedEvent event={payload.event} citedSources={detail.citedSources} />}
      {payload.kind === "event.create" && p.agreementId && pending && <ProposalLifeline db={db} agreementId={p.agreementId} event={payload.event} />}

      <div className="grid-2" style={{ marginTop: "1rem" }}>
        <section className="card" aria-labelledby="discussion-heading">
          <h2 id="discussion-heading" style={{ marginTop: 0 }}>
            {t("review.discussion")}
          </h2>
          <ol className="discussion">
            {detail.comments.map((c) => (
              <li key={c.id} data-testid="comment">
                <strong>{c.authorName}</strong> <span className="muted">· {t(`review.commentKind.${c.kind}` as "review.commentKind.comment")} · {dates.moment(c.createdAt)}</span>
                {c.body && <div style={{ whiteSpace: "pre-line" }}>{c.body}</div>}
              </li>
            ))}
          </ol>
          {pending && can(actor, "proposal.comment", { authorId: p.authorId, organizationId: p.organizationId }) && <CommentForm proposalId={p.id} comment={commentAction} />}
        </section>
        <div>
          {pending && mayReview && (
            <DecisionPanel proposalId={p.id} agreementId={p.agreementId ?? undefined} version={p.version} stale={detail.stale} canApprove={p.status === "open"} decide={decideAction} rebase={rebaseAction} />
          )}
          {pending && isAuthor && (
            <section className="card">
              {user.roles.includes("reviewer") && <p className="muted">{t("review.ownProposal")}</p>}
              {detail.stale && <p className="alert alert--error">{t("review.stale")}</p>}
              <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
                {p.agreementId && p.kind !== "revision.revert" && (
                  <Link className="btn btn--primary" href={`/agreements/${p.agreementId}/propose?revise=${p.id}`}>
                    {t("review.revise")}
                  </Link>
                )}
                <WithdrawButton proposalId={p.id} withdraw={withdrawAction} />
              </div>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
