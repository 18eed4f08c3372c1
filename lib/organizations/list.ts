import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { ForeignLevel, SwedishOrgKind } from "../domain/enums";

export interface SwedishOption {
  id: string;
  name: string;
  kind: SwedishOrgKind;
  code: string;
  countyName: string;
}

export interface ForeignOption {
  id: string;
  name: string;
  nameNative: string | null;
  level: ForeignLevel | null;
  parentName: string | null;
  countryCode: string;
}

/** Every Swedish party (SCB's 290 kommuner, 21 regioner, 21 länsstyrelser), for pickers. */
export async function listSwedishOrganizations(db: Db): Promise<SwedishOption[]> {
  return queryRows<SwedishOption>(
    db,
    sql`SELECT o.id, o.name, o.kind, o.official_code AS code, c.name AS "countyName"
        FROM organizations o JOIN counties c ON c.code = o.county_code
        WHERE o.kind <> 'foreign' ORDER BY o.name`,
  );
}

/** Every foreign party with its parent's name, for pickers. */
export async function listForeignOrganizations(db: Db): Promise<ForeignOption[]> {
  return queryRows<ForeignOption>(
    db,
    sql`SELECT o.id, o.name, o.name_native AS "nameNative", o.level, p.name AS "parentName", o.country_code AS "countryCode"
        FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id
        WHERE o.kind = 'foreign' ORDER BY o.name`,
  );
}

export interface OrganizationSummary {
  id: string;
  name: string;
  nameNative: string | null;
  kind: string;
  level: ForeignLevel | null;
  countyName: string | null;
  parentName: string | null;
  agreements: number;
}

/** Organisations that are a party to at least one agreement, with how many. */
export async function listOrganizationsWithAgreements(db: Db): Promise<OrganizationSummary[]> {
  return queryRows<OrganizationSummary>(
    db,
    sql`SELECT o.id, o.name, o.name_native AS "nameNative", o.kind, o.level, c.name AS "countyName", p.name AS "parentName",
          count(a.id)::int AS agreements
        FROM organizations o
        JOIN agreements a ON a.swedish_org_id = o.id OR a.foreign_org_id = o.id
        LEFT JOIN counties c ON c.code = o.county_code
        LEFT JOIN organizations p ON p.id = o.parent_id
        GROUP BY o.id, c.name, p.name
        ORDER BY o.name`,
  );
}

/** Foreign parties at province level, for the table's province filter. */
export async function listProvinces(db: Db): Promise<{ id: string; name: string; nameNative: string | null }[]> {
  return queryRows(
    db,
    sql`SELECT id, name, name_native AS "nameNative" FROM organizations
        WHERE kind = 'foreign' AND level IN ('province', 'autonomous_region', 'municipality', 'special_administrative_region')
        ORDER BY name`,
  );
}

export async function listCounties(db: Db): Promise<{ code: string; name: string }[]> {
  return queryRows(db, sql`SELECT code, name FROM counties ORDER BY code`);
}
