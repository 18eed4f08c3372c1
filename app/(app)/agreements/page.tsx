import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgreementsTable } from "@/components/agreements/agreements-table";
import { getDb } from "@/db/app-db";
import { queryAgreements } from "@/lib/agreements/list";
import { parseAgreementQuery } from "@/lib/agreements/query-params";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listCounties, listProvinces } from "@/lib/organizations/list";

export async function generateMetadata() {
  const t = await getTranslations("registry.table");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgreementsPage({ searchParams }: Props) {
  const query = parseAgreementQuery(await searchParams);
  const db = await getDb();
  const [data, counties, provinces, user, t] = await Promise.all([
    queryAgreements(db, query),
    listCounties(db),
    listProvinces(db),
    getCurrentUser(),
    getTranslations(),
  ]);
  const actor = user ? { ...user, active: true } : null;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("registry.table.title")}</h1>
          <p className="muted page-header__sub" data-testid="agreement-count">
            {t("registry.table.results", { count: data.total })}
          </p>
        </div>
        <div className="page-header__actions">
          {can(actor, "import.run") && (
            <Link className="btn" href="/agreements/import">
              {t("registry.table.import")}
            </Link>
          )}
          {can(actor, "agreement.create") && (
            <Link className="btn btn--primary" href="/agreements/new">
              + {t("registry.table.newAgreement")}
            </Link>
          )}
        </div>
      </div>
      <AgreementsTable data={data} query={{ ...query, page: data.page }} options={{ counties, provinces }} />
    </>
  );
}
