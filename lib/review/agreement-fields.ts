import type { Agreement } from "@/db/schema";
import { partialDateToString } from "../domain/partial-date";
import type { AgreementChanges } from "../validation/proposals";

/** The editable fields of an agreement as a proposal speaks of them (dates as "2019" / "2019-05" / "2019-05-14"). */
export type AgreementFieldValues = Required<{ [K in keyof AgreementChanges]: AgreementChanges[K] | null }>;
export const AGREEMENT_FIELDS = ["swedishOrgId", "foreignOrgId", "kind", "designation", "established", "funding", "areas", "notes"] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export function agreementFieldValues(a: Agreement): AgreementFieldValues {
  return {
    swedishOrgId: a.swedishOrgId,
    foreignOrgId: a.foreignOrgId,
    kind: a.kind,
    designation: a.designation,
    established: partialDateToString({ on: a.establishedOn, precision: a.establishedPrecision }),
    funding: a.funding,
    areas: a.areas,
    notes: a.notes,
  };
}

/** Picks the listed fields of a full set of values. */
export function pickFields(values: AgreementFieldValues, fields: readonly string[]): Partial<AgreementFieldValues> {
  return Object.fromEntries(fields.filter((f): f is AgreementField => (AGREEMENT_FIELDS as readonly string[]).includes(f)).map((f) => [f, values[f]]));
}
