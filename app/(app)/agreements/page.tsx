import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PartialDateText } from "@/components/agreements/partial-date-text";
import { StatusBadge } from "@/components/agreements/status-badge";
import { getDb } from "@/db/app-db";
import { listAgreements } from "@/lib/agreements/list";

export async function generateMetadata() {
  const t = await getTranslations("agreements");
  return { title: t("title") };
}

export default async function AgreementsPage() {
  const t = await getTranslations();
  const rows = await listAgreements(await getDb());
  return (
    <>
      <h1>{t("agreements.title")}</h1>
      <p className="muted">{t("agreements.count", { count: rows.length })}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("agreements.swedishParty")}</th>
              <th scope="col">{t("agreements.county")}</th>
              <th scope="col">{t("agreements.foreignParty")}</th>
              <th scope="col">{t("agreements.province")}</th>
              <th scope="col">{t("agreements.kind")}</th>
              <th scope="col">{t("agreements.designation")}</th>
              <th scope="col">{t("agreements.established")}</th>
              <th scope="col">{t("agreements.status")}</th>
              <th scope="col" className="num">
                {t("agreements.sources")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/agreements/${r.id}`}>{r.swedishName}</Link>
                  <div className="muted">{t(`orgKind.${r.swedishKind}`)}</div>
                </td>
                <td>{r.countyName}</td>
                <td>
                  {r.foreignName} {r.foreignNameNative && <span className="native muted">{r.foreignNameNative}</span>}
                </td>
                <td>{r.provinceName}</td>
                <td>{t(`kind.${r.kind}`)}</td>
                <td>{r.designation}</td>
                <td>
                  <PartialDateText on={r.establishedOn} precision={r.establishedPrecision} />
                </td>
                <td>
                  <StatusBadge status={r.status} />{" "}
                  {r.status && r.status !== "active" && <PartialDateText on={r.statusOn} precision={r.statusPrecision} />}
                </td>
                <td className="num">{r.sourceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
