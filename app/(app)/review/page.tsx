import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { FilterSelect } from "@/components/ui/filter-select";
import { requireUser } from "@/lib/auth/guard";
import { listProposals, proposalOrganizations, queueFilterSchema } from "@/lib/review/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Search }) {
  const { db, user } = await requireUser();
  const raw = await searchParams;
  const filter = queueFilterSchema.parse({ ...raw, status: raw.status ?? "pending" });
  // Officials see their own proposals only; reviewers, analysts and admins see the queue (can()).
  const rows = await listProposals(db, user, filter);
  const orgs = await proposalOrganizations(db, user);
  const t = await getTranslations("review");
  const dates = dateFormat(await getLocale());
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("queueIntro")}</p>
      <form className="filter-bar card" method="get" aria-label={t("filters.apply")}>
        <FilterSelect
          name="status"
          label={t("filters.status")}
          value={filter.status}
          options={[
            { value: "pending", label: t("filters.pending") },
            ...(["open", "changes_requested", "approved", "rejected", "withdrawn"] as const).map((s) => ({ value: s, label: t(`proposalStatus.${s}`) })),
            { value: "all", label: t("filters.all") },
          ]}
        />
        <FilterSelect
          name="organizationId"
          label={t("filters.organization")}
          value={filter.organizationId}
          allLabel={t("filters.all")}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <FilterSelect
          name="kind"
          label={t("filters.kind")}
          value={filter.kind}
          allLabel={t("filters.all")}
          options={(["event.create", "agreement.update", "revision.revert"] as const).map((k) => ({ value: k, label: t(`proposalKind.${k}`) }))}
        />
        <div className="field">
          <label htmlFor="minAgeDays">{t("filters.minAge")}</label>
          <input id="minAgeDays" name="minAgeDays" type="number" min={0} defaultValue={filter.minAgeDays ?? ""} />
        </div>
        <div>
          <button className="btn" type="submit">
            {t("filters.apply")}
          </button>
        </div>
      </form>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("columns.created")}</th>
              <th scope="col">{t("columns.agreement")}</th>
              <th scope="col">{t("columns.kind")}</th>
              <th scope="col">{t("columns.summary")}</th>
              <th scope="col">{t("columns.author")}</th>
              <th scope="col">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t("empty")}
                </td>
              </tr>
            )}
            {rows.map(({ proposal: p, authorName, swedishName, foreignName }) => (
              <tr key={p.id} data-testid="proposal-row">
                <td>{dates.moment(p.createdAt)}</td>
                <td>{swedishName ? `${swedishName} – ${foreignName}` : "–"}</td>
                <td>{t(`proposalKind.${p.kind}`)}</td>
                <td>
                  <Link href={`/review/${p.id}`}>{p.summary || t("open")}</Link>
                </td>
                <td>{authorName}</td>
                <td>
                  <span className={`badge badge--proposal-${p.status}`}>{t(`proposalStatus.${p.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
