import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AgreementKind, DatePrecision, ForeignLevel, OrgKind } from "../domain/enums";
import type { AgreementState } from "../domain/status";
import { getOrganization } from "../organizations/get";
import { agreementSlug, idPrefixOf, organisationSlug } from "./slug";

// Organisations as the public sees them: name, kind, official code, county or level and parent,
// and the agreements they are party to. Only these fields: contacts or anything added to the
// table later stay internal until they are named here.

export interface PublicOrganisation {
  id: string;
  slug: string;
  name: string;
  nameNative: string | null;
  kind: OrgKind;
  level: ForeignLevel | null;
  officialCode: string | null;
  countyName: string | null;
  parents: { id: string; slug: string; name: string; nameNative: string | null }[];
  agreements: {
    id: string;
    slug: string;
    kind: AgreementKind;
    establishedOn: string | null;
    establishedPrecision: DatePrecision;
    counterpart: { id: string; slug: string; name: string; nameNative: string | null };
    via: { id: string; name: string } | null;
    state: AgreementState | null;
  }[];
}

export async function findPublicOrganisation(db: Db, slug: string): Promise<PublicOrganisation | null> {
  const prefix = idPrefixOf(slug);
  if (!prefix) return null;
  const candidates = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM organizations WHERE id::text LIKE ${`${prefix}%`} ORDER BY id LIMIT 5`,
  );
  const exact = candidates.find((c) => organisationSlug(c) === slug) ?? candidates[0];
  return exact ? getPublicOrganisation(db, exact.id) : null;
}

export async function getPublicOrganisation(db: Db, id: string): Promise<PublicOrganisation | null> {
  const o = await getOrganization(db, id);
  if (!o) return null;
  const swedishSide = o.org.kind !== "foreign";
  return {
    id: o.org.id,
    slug: organisationSlug(o.org),
    name: o.org.name,
    nameNative: o.org.nameNative,
    kind: o.org.kind,
    level: o.org.level,
    officialCode: o.org.officialCode,
    countyName: o.countyName,
    parents: o.parents.map((p) => ({ id: p.id, slug: organisationSlug(p), name: p.name, nameNative: p.nameNative })),
    agreements: o.agreements.map((a) => {
      const foreignName = swedishSide ? a.counterpart.name : (a.via?.name ?? o.org.name);
      const swedishName = swedishSide ? o.org.name : a.counterpart.name;
      return {
        id: a.id,
        slug: agreementSlug({ id: a.id, kind: a.kind, swedishName, foreignName }),
        kind: a.kind,
        establishedOn: a.establishedOn,
        establishedPrecision: a.establishedPrecision,
        counterpart: { id: a.counterpart.id, slug: organisationSlug(a.counterpart), name: a.counterpart.name, nameNative: a.counterpart.nameNative },
        via: a.via ? { id: a.via.id, name: a.via.name } : null,
        state: a.state,
      };
    }),
  };
}

/** Every organisation that is party to an agreement, for the sitemap and the register's links. */
export async function listPublicOrganisations(db: Db): Promise<{ id: string; slug: string; name: string }[]> {
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT DISTINCT o.id, o.name FROM organizations o JOIN agreements a ON a.swedish_org_id = o.id OR a.foreign_org_id = o.id ORDER BY o.name`,
  );
  return rows.map((r) => ({ ...r, slug: organisationSlug(r) }));
}
