import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { fieldClaims } from "../schema";
import { seedId } from "./ids";
import { claims, preferences } from "./report/claims";

/**
 * Seeds the report's known contradictions as claims, and the appendix's side as preferred.
 * Insert-only and idempotent: claims have ids derived from their keys; a preference is added
 * only for a field that has none yet, so an analyst's later choice is never overridden.
 */
export async function seedClaims(tx: Tx, actorId: string, knownSourceKeys: ReadonlySet<string>): Promise<number> {
  for (const c of claims) {
    if (!knownSourceKeys.has(c.source)) throw new Error(`Claim ${c.key}: unknown source ${c.source}`);
  }
  const inserted = await tx
    .insert(fieldClaims)
    .values(
      claims.map((c) => ({
        id: seedId("claim", c.key),
        agreementId: seedId("agreement", c.agreement),
        field: c.field,
        value: c.value,
        sourceId: seedId("source", c.source),
        quote: c.quote ?? null,
        page: c.page ?? null,
        createdBy: actorId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: fieldClaims.id });
  for (const p of preferences) {
    const claim = claims.find((c) => c.key === p.claim);
    if (!claim) throw new Error(`Preference for unknown claim ${p.claim}`);
    const agreementId = seedId("agreement", claim.agreement);
    await tx.execute(sql`
      INSERT INTO claim_preferences (agreement_id, field, claim_id, reason, decided_by)
      SELECT ${agreementId}::uuid, ${claim.field}, ${seedId("claim", claim.key)}::uuid, ${p.reason}, ${actorId}::uuid
      WHERE NOT EXISTS (SELECT 1 FROM claim_preferences WHERE agreement_id = ${agreementId}::uuid AND field = ${claim.field})`);
  }
  return inserted.length;
}
