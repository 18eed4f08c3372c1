import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { cachedPublic } from "./cache";

export interface DataStamp {
  /** The newest release, when the published data has not changed since it. */
  release: string | null;
  /** When the published data last changed (YYYY-MM-DD, UTC). */
  date: string;
}

/** What a chart's source line names: the release the data is, or the day it is from. */
export async function dataStamp(db: Db): Promise<DataStamp> {
  return cachedPublic(db, "data-stamp", async () => {
    const [row] = await queryRows<{ version: string | null; changed: boolean; date: string }>(
      db,
      sql`WITH r AS (SELECT version, data_as_of FROM data_releases ORDER BY data_as_of DESC LIMIT 1)
          SELECT (SELECT version FROM r) AS version,
            to_char(greatest((SELECT max(recorded_at) FROM status_events), (SELECT max(updated_at) FROM agreements), (SELECT max(updated_at) FROM sources)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date,
            EXISTS (SELECT 1 FROM status_events WHERE recorded_at > (SELECT data_as_of FROM r))
              OR EXISTS (SELECT 1 FROM agreements WHERE updated_at > (SELECT data_as_of FROM r))
              OR EXISTS (SELECT 1 FROM sources WHERE updated_at > (SELECT data_as_of FROM r)) AS changed`,
    );
    return { release: row?.version && !row.changed ? row.version : null, date: row?.date ?? new Date().toISOString().slice(0, 10) };
  });
}
