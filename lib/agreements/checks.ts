import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements, organizations } from "@/db/schema";
import { FieldRefusal } from "./write";

/** Refuses (rolling back) a Swedish party that does not exist or is not Swedish. */
export async function checkSwedishParty(tx: Tx, id: string, field = "swedishOrgId"): Promise<void> {
  const [org] = await tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, id));
  if (!org || org.kind === "foreign") throw new FieldRefusal({ [field]: ["registry.errors.swedishUnknown"] });
}

/** Refuses (rolling back) a foreign party that does not exist or is Swedish. */
export async function checkForeignParty(tx: Tx, id: string, field = "foreign.id"): Promise<string> {
  const [org] = await tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, id));
  if (!org || org.kind !== "foreign") throw new FieldRefusal({ [field]: ["registry.errors.foreignUnknown"] });
  return id;
}

/** The agreement of the same kind between the same parties, if one exists (other than `exceptId`). */
export async function findDuplicate(
  tx: Tx,
  parties: { swedishOrgId: string; foreignOrgId: string; kind: (typeof agreements.$inferSelect)["kind"] },
  exceptId: string | null,
): Promise<string | null> {
  const [row] = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      and(
        eq(agreements.swedishOrgId, parties.swedishOrgId),
        eq(agreements.foreignOrgId, parties.foreignOrgId),
        eq(agreements.kind, parties.kind),
        exceptId ? ne(agreements.id, exceptId) : sql`true`,
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export async function refuseDuplicate(tx: Tx, parties: Parameters<typeof findDuplicate>[1], exceptId: string | null): Promise<void> {
  if (await findDuplicate(tx, parties, exceptId)) throw new FieldRefusal({ kind: ["registry.errors.duplicate"] });
}
