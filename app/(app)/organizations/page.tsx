import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listOrganizationsWithAgreements } from "@/lib/organizations/list";

export async function generateMetadata() {
  const t = await getTranslations("registry.org");
  return { title: t("title") };
}

export default async function OrganizationsPage() {
  const [t, user, orgs] = await Promise.all([getTranslations(), getCurrentUser(), getDb().then(listOrganizationsWithAgreements)]);
  const swedish = orgs.filter((o) => o.kind !== "foreign");
  const foreign = orgs.filter((o) => o.kind === "foreign");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("registry.org.title")}</h1>
          <p className="muted page-header__sub">{t("registry.org.intro")}</p>
        </div>
        {can(user ? { ...user, active: true } : null, "organization.create") && (
          <div className="page-header__actions">
            <Link className="btn btn--primary" href="/organizations/new">
              + {t("registry.org.newForeign")}
            </Link>
          </div>
        )}
      </div>
      <div className="grid-2">
        <section aria-labelledby="swedish-parties">
          <h2 id="swedish-parties">{t("registry.org.swedishParties")}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("registry.org.name")}</th>
                  <th scope="col">{t("registry.org.county")}</th>
                  <th scope="col" className="num">
                    {t("registry.org.agreements")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {swedish.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/organizations/${o.id}`}>{o.name}</Link>
                      <div className="muted">{t(`orgKind.${o.kind}`)}</div>
                    </td>
                    <td>{o.countyName}</td>
                    <td className="num">{o.agreements}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="foreign-parties">
          <h2 id="foreign-parties">{t("registry.org.foreignParties")}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("registry.org.name")}</th>
                  <th scope="col">{t("registry.org.partOf")}</th>
                  <th scope="col" className="num">
                    {t("registry.org.agreements")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {foreign.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link href={`/organizations/${o.id}`}>{o.name}</Link>{" "}
                      {o.nameNative && (
                        <span className="native muted" lang="zh">
                          {o.nameNative}
                        </span>
                      )}
                      <div className="muted">{o.level ? t(`foreignLevel.${o.level}`) : t("orgKind.foreign")}</div>
                    </td>
                    <td>{o.parentName}</td>
                    <td className="num">{o.agreements}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
