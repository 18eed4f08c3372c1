// What changed between two versions of a proposal's payload, leaf by leaf: ["event", "sources",
// 0, "paragraph"] "§ 40" → "§40". Bookkeeping (ids of stored files, upload positions) is left out.

export interface VersionChange {
  path: (string | number)[];
  before: unknown;
  after: unknown;
}

const IGNORED = new Set(["fileIndex", "attachmentId", "baseVersion", "baseValues", "agreementId"]);

function leaves(value: unknown, path: (string | number)[], out: Map<string, { path: (string | number)[]; value: unknown }>) {
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    out.set(JSON.stringify(path), { path, value: value.join(", ") });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, [...path, i], out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!IGNORED.has(k)) leaves(v, [...path, k], out);
  } else {
    out.set(JSON.stringify(path), { path, value: value ?? null });
  }
}

export function versionChanges(before: unknown, after: unknown): VersionChange[] {
  const a = new Map<string, { path: (string | number)[]; value: unknown }>();
  const b = new Map<string, { path: (string | number)[]; value: unknown }>();
  leaves(before, [], a);
  leaves(after, [], b);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  return keys
    .map((k) => ({ path: (b.get(k) ?? a.get(k))!.path, before: a.get(k)?.value ?? null, after: b.get(k)?.value ?? null }))
    .filter((c) => !(empty(c.before) && empty(c.after)) && JSON.stringify(c.before) !== JSON.stringify(c.after));
}
