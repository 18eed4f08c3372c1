// Readable, stable addresses for public records: the names folded to ASCII, then the first
// eight hex digits of the record's id, which is what finds it ("borlange-wuhan-vanort-3f2a9c1b").
// A renamed record keeps its id, so an old address still finds it and is sent to the new one.

const SPECIAL: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d" };

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæœßłđ]/g, (c) => SPECIAL[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export const ID_PREFIX_LENGTH = 8;

export function recordSlug(parts: (string | null | undefined)[], id: string): string {
  const words = parts.filter((p): p is string => !!p).map(slugify).filter(Boolean).join("-");
  const prefix = id.replace(/-/g, "").slice(0, ID_PREFIX_LENGTH);
  return words ? `${words}-${prefix}` : prefix;
}

/** The id prefix a slug ends with, or null when it does not end with one. */
export function idPrefixOf(slug: string): string | null {
  const m = /(?:^|-)([0-9a-f]{8})$/.exec(slug);
  return m ? m[1]! : null;
}

export const KIND_SLUG = { twin_city: "vanort", partnership: "partnerskap", other: "avtal" } as const;

export function agreementSlug(a: { id: string; kind: keyof typeof KIND_SLUG; swedishName: string; foreignName: string }): string {
  return recordSlug([a.swedishName, a.foreignName, KIND_SLUG[a.kind]], a.id);
}

export function organisationSlug(o: { id: string; name: string }): string {
  return recordSlug([o.name], o.id);
}

export const publicAgreementPath = (a: Parameters<typeof agreementSlug>[0]) => `/avtal/${agreementSlug(a)}`;
export const publicOrganisationPath = (o: { id: string; name: string }) => `/organisationer/${organisationSlug(o)}`;
