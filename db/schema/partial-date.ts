import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * A date stored with its precision is kept as the first day of the period it names
 * ("2019" → 2019-01-01, precision "year"); an unknown date is NULL with precision "unknown".
 * This check keeps the pair honest: no invented day inside a year-only date.
 */
export function partialDateCheck(date: AnyPgColumn, precision: AnyPgColumn): SQL {
  return sql`(
    (${precision} = 'unknown' AND ${date} IS NULL) OR
    (${precision} = 'day' AND ${date} IS NOT NULL) OR
    (${precision} = 'month' AND ${date} IS NOT NULL AND extract(day FROM ${date}) = 1) OR
    (${precision} = 'year' AND ${date} IS NOT NULL AND extract(day FROM ${date}) = 1 AND extract(month FROM ${date}) = 1)
  )`;
}
