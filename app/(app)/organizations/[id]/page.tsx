import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusOverTime } from "@/components/organizations/status-over-time";
import { OrganizationPeople } from "@/components/accounts/organization-people";
import { getDb } from "@/db/app-db";
import { listOrganizationContacts } from "@/lib/accounts/list-contacts";
import { listOrganizationOfficials } from "@/lib/accounts/list-officials";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { getOrganization } from "@/lib/organizations/get";
import { addContactAction, inviteOfficialAction, removeContactAction, updateContactAction } from "./actions";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

async function load(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return getOrganization(await getDb(), id);
}

export async function generateMetadata({ params }: Params) {
  const o = await load((await params).id);
  return { title: o ? o.org.name : "404" };
}

export default async function OrganizationPage({ params, searchParams }: Params) {
  const o = await load((await params).id);
  if (!o) notFound();
  const { notice } = await searchParams;
  const t = await getTranslations();
  const { org } = o;
  const thisYear = new Date().getFullYear();
  // Officials and contacts: staff only (contact.read), for Swedish organisations.
  const user = await getCurrentUser();
  const ctx = user ? { user, db: await getDb() } : null;
  const actor = user ? { ...user, active: true } : null;
  const people =
    ctx && org.kind !== "foreign" && can(actor, "contact.read")
      ? {
          officials: await listOrganizationOfficials({ ctx, input: { organizationId: org.id } }),
          contacts: await listOrganizationContacts({ ctx, input: { organizationId: org.id } }),
        }
      : null;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/organizations">← {t("registry.org.back")}</Link>
      </p>
      {notice === "created" && (
        <div className="alert alert--success" role="status" style={{ marginBottom: "1rem" }}>
          {t("registry.org.created")}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>
            {org.name}{" "}
            {org.nameNative && (
              <span className="native" lang="zh">
                {org.nameNative}
              </span>
            )}
          </h1>
          <p className="page-header__sub muted">
            {org.kind === "foreign" ? (org.level ? t(`foreignLevel.${org.level}`) : t("orgKind.foreign")) : t(`orgKind.${org.kind}`)}
            {o.countyName && ` · ${o.countyName}`}
            {org.officialCode && ` · ${t("registry.org.code")} ${org.officialCode}`}
            {org.kind === "foreign" && ` · ${org.countryCode}`}
          </p>
        </div>
      </div>

      {(o.parents.length > 0 || o.children.length > 0) && (
        <div className="card" style={{ marginBottom: "1rem" }}>
          <dl className="facts">
            {o.parents.length > 0 && (
              <>
                <dt>{t("registry.org.partOf")}</dt>
                <dd>
                  {o.parents.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ", "}
                      <Link href={`/organizations/${p.id}`}>{p.name}</Link>{" "}
                      {p.nameNative && (
                        <span className="native" lang="zh">
                          {p.nameNative}
                        </span>
                      )}
                    </span>
                  ))}
                </dd>
              </>
            )}
            {o.children.length > 0 && (
              <>
                <dt>{t("registry.org.children")}</dt>
                <dd>
                  {o.children.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 && ", "}
                      <Link href={`/organizations/${c.id}`}>{c.name}</Link>
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}

      <section aria-labelledby="org-agreements">
        <h2 id="org-agreements">
          {t("registry.org.agreements")} <span className="muted">({t("registry.org.agreementCount", { count: o.agreements.length })})</span>
        </h2>
        {o.agreements.length === 0 ? (
          <p className="muted">{t("registry.org.noAgreements")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  {o.agreements.some((a) => a.via) && <th scope="col">{t("registry.org.party")}</th>}
                  <th scope="col">{t("registry.org.counterpart")}</th>
                  <th scope="col">{t("registry.columns.kind")}</th>
                  <th scope="col">{t("registry.columns.established")}</th>
                  <th scope="col">{t("registry.org.statusOverTime")}</th>
                </tr>
              </thead>
              <tbody>
                {o.agreements.map((a) => (
                  <tr key={a.id} data-testid="org-agreement">
                    {o.agreements.some((x) => x.via) && (
                      <td>
                        {a.via ? (
                          <>
                            <Link href={`/organizations/${a.via.id}`}>{a.via.name}</Link>{" "}
                            {a.via.nameNative && (
                              <span className="native muted" lang="zh">
                                {a.via.nameNative}
                              </span>
                            )}
                          </>
                        ) : (
                          org.name
                        )}
                      </td>
                    )}
                    <td>
                      <Link href={`/agreements/${a.id}`}>
                        {a.counterpart.name}
                        <span className="visually-hidden">, {t(`kind.${a.kind}`)}</span>
                      </Link>{" "}
                      {a.counterpart.nameNative && (
                        <span className="native muted" lang="zh">
                          {a.counterpart.nameNative}
                        </span>
                      )}
                      {a.designation && <div className="muted">{a.designation}</div>}
                    </td>
                    <td>{t(`kind.${a.kind}`)}</td>
                    <td>
                      <PartialDateText on={a.establishedOn} precision={a.establishedPrecision} />
                    </td>
                    <td>
                      <StatusOverTime events={a.events} untilYear={thisYear} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {people && (
        <OrganizationPeople
          organizationId={org.id}
          officials={people.officials}
          contacts={people.contacts}
          canInvite={can(actor, "user.invite", { organizationId: org.id })}
          canEditContacts={can(actor, "contact.manage")}
          inviteAction={inviteOfficialAction}
          contactActions={{ add: addContactAction, update: updateContactAction, remove: removeContactAction }}
        />
      )}
    </>
  );
}
