import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreements } from "@/db/schema";
import { agreementRowsByIds, type AgreementListRow } from "./list";

/** The agreement's neighbours: other agreements of its Swedish party, and of its foreign party. */
export async function relatedAgreements(
  db: Db,
  agreement: { id: string; swedishOrgId: string; foreignOrgId: string },
): Promise<{ sameSwedish: AgreementListRow[]; sameForeign: AgreementListRow[] }> {
  const ids = async (column: typeof agreements.swedishOrgId | typeof agreements.foreignOrgId, value: string) =>
    (await db.select({ id: agreements.id }).from(agreements).where(and(eq(column, value), ne(agreements.id, agreement.id)))).map((r) => r.id);
  const [swedishIds, foreignIds] = await Promise.all([ids(agreements.swedishOrgId, agreement.swedishOrgId), ids(agreements.foreignOrgId, agreement.foreignOrgId)]);
  const byParty = (a: AgreementListRow, b: AgreementListRow) =>
    a.foreignName.localeCompare(b.foreignName, "sv") || a.swedishName.localeCompare(b.swedishName, "sv") || a.kind.localeCompare(b.kind);
  const [sameSwedish, sameForeign] = await Promise.all([agreementRowsByIds(db, swedishIds), agreementRowsByIds(db, foreignIds)]);
  return { sameSwedish: sameSwedish.sort(byParty), sameForeign: sameForeign.sort(byParty) };
}
