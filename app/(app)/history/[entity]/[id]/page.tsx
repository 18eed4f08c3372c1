import Link from "next/link";
import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionLabel } from "@/components/review/action-label";
import { RevertButton } from "@/components/review/revert-button";
import { organizations, sources } from "@/db/schema";
import { getAgreement } from "@/lib/agreements/get";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { recordHistory } from "@/lib/revisions/history";
import { REVISION_ENTITIES } from "@/lib/revisions/record";
import { revertAction } from "../../actions";

const paramsSchema = z.object({ entity: z.enum(REVISION_ENTITIES), id: z.string().uuid() });

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.join(", ") || "–";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

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
  const t = await getTranslations();
  const format = await getFormatter();
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
              <span className="event-date">{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</span>
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
                        <th scope="row">{f}</th>
                        <td>{show(e.before?.[f])}</td>
                        <td>{show(e.after?.[f])}</td>
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
