import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

export interface RecordStart {
  /** The day (Swedish time) the first status event was recorded, YYYY-MM-DD; null in an empty registry. */
  day: string | null;
  /** Whether the first events are the report's dataset, entered by the seed (as its own user, db/seed). */
  dataset: boolean;
}

/** When the registry's own record begins: "as recorded on" a day before it shows nothing, and the page says why. */
export async function recordStart(db: Db): Promise<RecordStart> {
  const [row] = await queryRows<{ day: string | null; dataset: boolean | null }>(
    db,
    sql`SELECT to_char(e.recorded_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day, u.email = 'dataset@avtalsregistret.invalid' AS dataset
        FROM status_events e JOIN users u ON u.id = e.recorded_by
        ORDER BY e.recorded_at ASC LIMIT 1`,
  );
  return { day: row?.day ?? null, dataset: !!row?.dataset };
}
