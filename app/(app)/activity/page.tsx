import Link from "next/link";
import { asc, ne } from "drizzle-orm";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { users } from "@/db/schema";
import { ActionLabel } from "@/components/review/action-label";
import { FilterSelect } from "@/components/ui/filter-select";
import { activityFeed, activityFilterSchema } from "@/lib/activity/feed";
import { requirePermission } from "@/lib/auth/guard";
import { proposalOrganizations } from "@/lib/review/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("activity"))("title") };
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { db, user } = await requirePermission("agreement.read");
  const filter = activityFilterSchema.parse(await searchParams);
  const [items, people, orgs] = await Promise.all([
    activityFeed(db, user, filter),
    db.select({ id: users.id, name: users.name }).from(users).where(ne(users.email, "dataset@avtalsregistret.invalid")).orderBy(asc(users.name)),
    proposalOrganizations(db, user),
  ]);
  const t = await getTranslations();
  const dates = dateFormat(await getLocale());
  return (
    <>
      <h1>{t("activity.title")}</h1>
      <p className="muted">{t("activity.intro")}</p>
      <form className="filter-bar card" method="get">
        <FilterSelect
          name="userId"
          label={t("activity.user")}
          value={filter.userId}
          allLabel={t("review.filters.all")}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterSelect
          name="organizationId"
          label={t("activity.organization")}
          value={filter.organizationId}
          allLabel={t("review.filters.all")}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
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
                <td>{dates.moment(new Date(i.at))}</td>
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
