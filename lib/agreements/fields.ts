import { parsePartialDate, partialDateToString } from "../domain/partial-date";
import type { DatePrecision } from "../domain/enums";
import { splitAreas, type AgreementValues, type AgreementValuesInput } from "../validation/agreements";
import type { FieldErrors } from "./refusal";

/** The fields a person edits, in the order the form shows them. */
export const AGREEMENT_FIELDS = ["swedishOrgId", "foreignOrgId", "kind", "designation", "established", "funding", "areas", "notes"] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/** An agreement row as stored (and as revisions keep it in `before`/`after`). */
export interface StoredAgreement {
  swedishOrgId: string;
  foreignOrgId: string;
  kind: string;
  designation: string | null;
  establishedOn: string | null;
  establishedPrecision: DatePrecision;
  funding: string | null;
  areas: string[];
  notes: string | null;
}

/** The agreement form's values as the one write takes them (lib/agreements/write.ts). */
export function formValues(values: Omit<AgreementValues, "foreign">, foreignOrgId: string): AgreementValuesInput {
  return {
    swedishOrgId: values.swedishOrgId,
    foreignOrgId,
    kind: values.kind,
    designation: values.designation || null,
    established: values.established || null,
    funding: values.funding || null,
    areas: splitAreas(values.areas),
    notes: values.notes || null,
  };
}

/** The write's field errors under the agreement form's field names. */
export function toFormFieldErrors(errors: FieldErrors, foreignMode: "existing" | "new"): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    const key = field === "foreignOrgId" ? (foreignMode === "new" ? "foreign.org.name" : "foreign.id") : field;
    (out[key] ??= []).push(...messages);
  }
  return out;
}

/** The columns an agreement form's values become (for comparing an edit with what is saved). */
export function toColumns(values: Omit<AgreementValues, "foreign">, foreignOrgId: string) {
  const established = parsePartialDate(values.established);
  return {
    swedishOrgId: values.swedishOrgId,
    foreignOrgId,
    kind: values.kind,
    designation: values.designation || null,
    establishedOn: established.on,
    establishedPrecision: established.precision,
    funding: values.funding || null,
    areas: splitAreas(values.areas),
    notes: values.notes || null,
  };
}

/** A stored agreement as comparable text per field (what a person would see in the form). */
export function fieldTexts(row: StoredAgreement): Record<AgreementField, string> {
  return {
    swedishOrgId: row.swedishOrgId,
    foreignOrgId: row.foreignOrgId,
    kind: row.kind,
    designation: row.designation ?? "",
    established: partialDateToString({ on: row.establishedOn?.slice(0, 10) ?? null, precision: row.establishedPrecision }) ?? "",
    funding: row.funding ?? "",
    areas: (row.areas ?? []).join("\n"),
    notes: row.notes ?? "",
  };
}
