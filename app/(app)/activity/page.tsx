import Link from "next/link";
import { asc, ne } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { users } from "@/db/schema";
import { ActionLabel } from "@/components/review/action-label";
import { activityFeed, activityFilterSchema } from "@/lib/activity/feed";
import { requirePermission } from "@/lib/auth/guard";
import { proposalOrganizations } from "@/lib/review/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("activity"))("title") };
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { db } = await requirePermission("agreement.read");
  const filter = activityFilterSchema.parse(await searchParams);
  const [items, people, orgs] = await Promise.all([
    activityFeed(db, filter),
    db.select({ id: users.id, name: users.name }).from(users).where(ne(users.email, "dataset@avtalsregistret.invalid")).orderBy(asc(users.name)),
    proposalOrganizations(db),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <h1>{t("activity.title")}</h1>
      <p className="muted">{t("activity.intro")}</p>
      <form className="filter-bar card" method="get">
        <div className="field">
          <label htmlFor="userId">{t("activity.user")}</label>
          <select id="userId" name="userId" defaultValue={filter.userId ?? ""}>
            <option value="">{t("review.filters.all")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="organizationId">{t("activity.organization")}</label>
          <select id="organizationId" name="organizationId" defaultValue={filter.organizationId ?? ""}>
            <option value="">{t("review.filters.all")}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button className="btn" type="submit">
            {t("review.filters.apply")}
          </button>
        </div>
      </form>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("activity.when")}</th>
              <th scope="col">{t("activity.who")}</th>
              <th scope="col">{t("activity.what")}</th>
              <th scope="col">{t("activity.record")}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t("activity.empty")}
                </td>
              </tr>
            )}
            {items.map((i, n) => (
              <tr key={`${i.kind}-${i.entityId}-${n}`} data-testid="activity-item">
                <td>{format.dateTime(new Date(i.at), { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{i.actorName}</td>
                <td>
                  <ActionLabel action={i.action} />
                </td>
                <td>
                  {i.kind === "proposal" ? (
                    <Link href={`/review/${i.entityId}`}>{i.label ?? i.entityId}</Link>
                  ) : i.agreementId ? (
                    <Link href={`/agreements/${i.agreementId}`}>{i.label}</Link>
                  ) : (
                    (i.label ?? i.entityId)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
