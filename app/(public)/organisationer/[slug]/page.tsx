import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StaffLink } from "@/components/public/staff-link";
import { publicOrganisation } from "@/lib/public/pages";
import { publicOrganisationPath } from "@/lib/public/slug";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const o = await publicOrganisation((await params).slug);
  const t = await getTranslations();
  if (!o) return { title: t("publish.notFound") };
  const description = t("publish.organisation.description", { name: o.name, count: o.agreements.length });
  return { title: o.name, description, alternates: { canonical: `/organisationer/${o.slug}` }, openGraph: { title: o.name, description, url: `/organisationer/${o.slug}` } };
}

export default async function PublicOrganisationPage({ params }: Params) {
  const { slug } = await params;
  const o = await publicOrganisation(slug);
  if (!o) notFound();
  if (o.slug !== slug) permanentRedirect(`/organisationer/${o.slug}`);
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/avtal">← {t("publish.register.back")}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {o.name}{" "}
            {o.nameNative && (
              <span className="native" lang="zh">
                {o.nameNative}
              </span>
            )}
          </h1>
          <p className="page-header__sub muted">
            {o.kind === "foreign" ? (o.level ? t(`foreignLevel.${o.level}`) : t("orgKind.foreign")) : t(`orgKind.${o.kind}`)}
            {o.officialCode && ` · ${o.officialCode}`}
            {o.countyName && ` · ${o.countyName}`}
            {o.parents.map((p) => (
              <span key={p.id}>
                {" · "}
                <Link href={publicOrganisationPath(p)}>{p.name}</Link>
              </span>
            ))}
          </p>
        </div>
        <div className="page-header__actions">
          <StaffLink href={`/organizations/${o.id}`} />
        </div>
      </div>
      <section aria-labelledby="org-agreements">
        <h2 id="org-agreements">{t("publish.organisation.agreements", { count: o.agreements.length })}</h2>
        <div className="card table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("publish.organisation.counterpart")}</th>
                <th scope="col">{t("registry.fields.kind")}</th>
                <th scope="col">{t("registry.fields.established")}</th>
                <th scope="col">{t("publish.organisation.state")}</th>
              </tr>
            </thead>
            <tbody>
              {o.agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/avtal/${a.slug}`}>
                      {a.counterpart.name}
                      {a.via ? ` (${a.via.name})` : ""}
                    </Link>{" "}
                    {a.counterpart.nameNative && (
                      <span className="native muted" lang="zh">
                        {a.counterpart.nameNative}
                      </span>
                    )}
                  </th>
                  <td>{t(`kind.${a.kind}`)}</td>
                  <td>
                    <PartialDateText on={a.establishedOn} precision={a.establishedPrecision} />
                  </td>
                  <td>{a.state ? t(`state.${a.state}`) : t("status.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
