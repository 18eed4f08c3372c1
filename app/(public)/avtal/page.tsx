import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { AgreementsTable } from "@/components/agreements/agreements-table";
import { publicRegister } from "@/lib/public/pages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("publish.register");
  return { title: t("title"), description: t("description"), alternates: { canonical: "/avtal" }, openGraph: { title: t("title"), description: t("description"), url: "/avtal" } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublicRegisterPage({ searchParams }: Props) {
  const { query, data, filters } = await publicRegister(await searchParams);
  const t = await getTranslations("publish.register");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted page-header__sub" data-testid="agreement-count">
            {t("intro")}
          </p>
        </div>
      </div>
      <AgreementsTable data={data} query={{ ...query, page: data.page }} options={filters} publicView />
    </>
  );
}
