import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/** Agreements that nobody has confirmed ("nothing has changed") in the 12 months before `now`. */
export async function unconfirmedCount(db: Db, now: Date = new Date()): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM agreements a
        WHERE NOT EXISTS (SELECT 1 FROM confirmations c WHERE c.agreement_id = a.id AND c.confirmed_at > ${now.toISOString()}::timestamptz - interval '12 months')`,
  );
  return row?.n ?? 0;
}
