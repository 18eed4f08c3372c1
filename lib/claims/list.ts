import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { agreements, claimPreferences, fieldClaims, sources, users, type Source } from "@/db/schema";
import { parsePartialDate, partialDateToString } from "../domain/partial-date";
import { DATE_CLAIM_FIELDS, type ClaimField } from "../validation/claims";

export interface ClaimView {
  id: string;
  value: string;
  source: Source;
  quote: string | null;
  page: string | null;
  createdByName: string;
  createdAt: Date;
}

export interface FieldClaims {
  field: ClaimField;
  claims: ClaimView[];
  /** Distinct values among the claims: more than one is a conflict. */
  values: string[];
  conflict: boolean;
  /** The latest preference, if any. */
  preferred: { claimId: string; value: string; reason: string; decidedByName: string; decidedAt: Date } | null;
  /** Earlier preferences, newest first: the history of the choice. */
  earlierPreferences: { claimId: string; value: string; reason: string; decidedByName: string; decidedAt: Date }[];
  /** The agreement's own value of the field, as the register holds it. */
  recordValue: string | null;
}

/** Claims about an agreement's fields, grouped by field, with the preferred one and whether they conflict. */
export async function getClaims(db: Db, agreementId: string): Promise<FieldClaims[]> {
  const creator = alias(users, "creator");
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!agreement) return [];
  const claimRows = await db
    .select({ claim: fieldClaims, source: sources, createdByName: creator.name })
    .from(fieldClaims)
    .innerJoin(sources, eq(sources.id, fieldClaims.sourceId))
    .innerJoin(creator, eq(creator.id, fieldClaims.createdBy))
    .where(eq(fieldClaims.agreementId, agreementId))
    .orderBy(asc(fieldClaims.field), asc(fieldClaims.value), asc(fieldClaims.createdAt));
  const prefRows = await db
    .select({ pref: claimPreferences, decidedByName: users.name })
    .from(claimPreferences)
    .innerJoin(users, eq(users.id, claimPreferences.decidedBy))
    .where(eq(claimPreferences.agreementId, agreementId))
    .orderBy(desc(claimPreferences.decidedAt), desc(claimPreferences.id));

  const recordValues: Record<string, string | null> = {
    established: agreement.establishedOn ? partialDateToString({ on: agreement.establishedOn, precision: agreement.establishedPrecision }) : null,
    designation: agreement.designation,
    funding: agreement.funding,
    kind: agreement.kind,
  };
  const fields = [...new Set(claimRows.map((r) => r.claim.field))] as ClaimField[];
  return fields.map((field) => {
    const claims = claimRows
      .filter((r) => r.claim.field === field)
      .map(({ claim, source, createdByName }) => ({
        id: claim.id,
        value: claim.value,
        source,
        quote: claim.quote,
        page: claim.page,
        createdByName,
        createdAt: claim.createdAt,
      }));
    const valueOf = (claimId: string) => claims.find((c) => c.id === claimId)?.value ?? "";
    const prefs = prefRows
      .filter((p) => p.pref.field === field)
      .map(({ pref, decidedByName }) => ({ claimId: pref.claimId, value: valueOf(pref.claimId), reason: pref.reason, decidedByName, decidedAt: pref.decidedAt }));
    const values = [...new Set(claims.map((c) => normalizeValue(field, c.value)))];
    return {
      field,
      claims,
      values,
      conflict: values.length > 1,
      preferred: prefs[0] ?? null,
      earlierPreferences: prefs.slice(1),
      recordValue: recordValues[field] ?? null,
    };
  });
}

function normalizeValue(field: ClaimField, value: string): string {
  if (!DATE_CLAIM_FIELDS.includes(field)) return value.trim().toLowerCase();
  try {
    return partialDateToString(parsePartialDate(value)) ?? value;
  } catch {
    return value;
  }
}
