import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { AgreementKind, DatePrecision, EventStatus, OrgKind } from "../domain/enums";
import { currentStatusSubquery } from "../events/current-status-sql";

export interface AgreementListRow {
  id: string;
  kind: AgreementKind;
  designation: string | null;
  establishedOn: string | null;
  establishedPrecision: DatePrecision;
  swedishId: string;
  swedishName: string;
  swedishKind: OrgKind;
  countyName: string | null;
  foreignId: string;
  foreignName: string;
  foreignNameNative: string | null;
  provinceName: string | null;
  status: EventStatus | null;
  statusOn: string | null;
  statusPrecision: DatePrecision | null;
  sourceCount: number;
}

/** Every agreement with its parties and its current status (derived from its events). */
export async function listAgreements(db: Db): Promise<AgreementListRow[]> {
  return queryRows<AgreementListRow>(
    db,
    sql`
    SELECT a.id, a.kind, a.designation, a.established_on::text AS "establishedOn",
      a.established_precision AS "establishedPrecision",
      s.id AS "swedishId", s.name AS "swedishName", s.kind AS "swedishKind", c.name AS "countyName",
      f.id AS "foreignId", f.name AS "foreignName", f.name_native AS "foreignNameNative",
      province.name AS "provinceName",
      cs.status, cs.effective_on::text AS "statusOn", cs.effective_precision AS "statusPrecision",
      (SELECT count(DISTINCT src.source_id)::int FROM (
         SELECT es.source_id FROM event_sources es JOIN status_events e ON e.id = es.event_id WHERE e.agreement_id = a.id
         UNION SELECT ags.source_id FROM agreement_sources ags WHERE ags.agreement_id = a.id) src) AS "sourceCount"
    FROM agreements a
    JOIN organizations s ON s.id = a.swedish_org_id
    LEFT JOIN counties c ON c.code = s.county_code
    JOIN organizations f ON f.id = a.foreign_org_id
    LEFT JOIN LATERAL (
      WITH RECURSIVE up AS (
        SELECT o.id, o.parent_id, o.name, o.level FROM organizations o WHERE o.id = f.id
        UNION ALL SELECT p.id, p.parent_id, p.name, p.level FROM organizations p JOIN up ON p.id = up.parent_id
      ) SELECT name FROM up WHERE level IN ('province', 'autonomous_region', 'municipality', 'special_administrative_region') LIMIT 1
    ) province ON true
    LEFT JOIN ${currentStatusSubquery} cs ON cs.agreement_id = a.id
    ORDER BY s.name, f.name, a.kind
  `,
  );
}
