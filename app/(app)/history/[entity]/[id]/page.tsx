import Link from "next/link";
import { eq, inArray } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { z } from "zod";
import { ActionLabel } from "@/components/review/action-label";
import { RevertButton } from "@/components/review/revert-button";
import { fieldLabel, fieldValue, referencedIds } from "@/components/review/record-values";
import { organizations, sources } from "@/db/schema";
import { getAgreement } from "@/lib/agreements/get";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { recordHistory } from "@/lib/revisions/history";
import { REVISION_ENTITIES } from "@/lib/revisions/record";
import { revertAction } from "../../actions";

const paramsSchema = z.object({ entity: z.enum(REVISION_ENTITIES), id: z.string().uuid() });

export default async function HistoryPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { entity, id } = parsed.data;
  const { db, user } = await requirePermission("agreement.read");
  let label: string | null = null;
  if (entity === "agreement") {
    const a = await getAgreement(db, id);
    label = a ? `${a.swedish.name} – ${a.foreign.name}` : null;
  } else if (entity === "organization") {
    const [o] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id));
    label = o?.name ?? null;
  } else {
    const [s] = await db.select({ citation: sources.citation }).from(sources).where(eq(sources.id, id));
    label = s?.citation ?? null;
  }
  if (!label) notFound();
  const entries = await recordHistory(db, entity, id);
  const ids = referencedIds(entries.flatMap((e) => [e.before, e.after]));
  const names = new Map(
    ids.length ? (await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids))).map((o) => [o.id, o.name]) : [],
  );
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  const mayRevert = entity === "agreement" && can({ ...user, active: true }, "revision.revert");
  return (
    <>
      {entity === "agreement" && (
        <p>
          <Link href={`/agreements/${id}`}>← {label}</Link>
        </p>
      )}
      <h1>{t("history.for", { label })}</h1>
      {entries.length === 0 && <p className="muted">{t("history.empty")}</p>}
      <ol className="timeline">
        {entries.map((e) => (
          <li key={`${e.type}-${e.id}`} data-testid="history-entry">
            <div className="event-title">
              <span className="event-date">{dates.moment(new Date(e.at))}</span>
              <span data-action={e.action}>
                <ActionLabel action={e.action} />
              </span>
              <span>{e.actorName}</span>
            </div>
            {e.proposalId && (
              <p className="muted" style={{ margin: "0.2rem 0" }}>
                <Link href={`/review/${e.proposalId}`}>{t("history.via")}</Link>{" "}
                {t("history.proposedBy", { author: e.proposalAuthorName ?? "–", reviewer: e.proposalReviewerName ?? "–" })}
              </p>
            )}
            {e.reason && <p style={{ margin: "0.2rem 0" }}>{e.reason}</p>}
            {e.type === "revision" && e.changedFields.length > 0 && e.before && (
              <div className="table-wrap" style={{ marginTop: "0.4rem" }}>
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("history.changed")}</th>
                      <th scope="col">{t("history.before")}</th>
                      <th scope="col">{t("history.after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changedFields.map((f) => (
                      <tr key={f}>
                        <th scope="row">{fieldLabel(t, entity, f)}</th>
                        <td>{fieldValue(t, dates, entity, f, e.before?.[f], names)}</td>
                        <td>{fieldValue(t, dates, entity, f, e.after?.[f], names)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {e.type === "revision" && !e.before && <p className="muted">{t("history.changed")}: {e.changedFields.length}</p>}
            {mayRevert && e.type === "revision" && e.before && <RevertButton revisionId={Number(e.id)} agreementId={id} revert={revertAction} />}
          </li>
        ))}
      </ol>
    </>
  );
}
