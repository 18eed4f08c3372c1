/** One line of a proposal's field-by-field diff. */
export interface FieldDiff {
  field: string;
  /** The value when the proposal was made. */
  base: unknown;
  /** The value now. Differs from base when someone changed the record meanwhile. */
  current: unknown;
  proposed: unknown;
  changedMeanwhile: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffFields(
  base: Record<string, unknown>,
  current: Record<string, unknown>,
  proposed: Record<string, unknown>,
): FieldDiff[] {
  return Object.keys(proposed).map((field) => ({
    field,
    base: base[field] ?? null,
    current: current[field] ?? null,
    proposed: proposed[field] ?? null,
    changedMeanwhile: !same(base[field], current[field]),
  }));
}
