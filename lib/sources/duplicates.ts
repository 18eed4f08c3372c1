import { and, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { sources } from "@/db/schema";
import type { SourceKind } from "../domain/enums";

/** A source that may be the one being entered, and why. */
export interface DuplicateSource {
  id: string;
  kind: SourceKind;
  citation: string;
  title: string | null;
  match: "url" | "body_diarienummer";
}

/**
 * The form of a URL two references to the same page share: scheme and "www." ignored, host in
 * lower case, no fragment, no default port, no trailing slash. Query strings count.
 */
export function normalizeUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const host = url.hostname.toLowerCase().replace(/^www\./, "");
    const path = decodeURI(url.pathname).replace(/\/+$/, "");
    const params = [...url.searchParams.entries()].filter(([k]) => !/^utm_/i.test(k)).sort(([a], [b]) => a.localeCompare(b));
    const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
    return `${host}${path}${query}`;
  } catch {
    return null;
  }
}

/** Case and spacing do not make a different committee or case number. */
export function normalizeBody(value: string): string {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}
export function normalizeDiarienummer(value: string): string {
  return value.replace(/\s+/g, "").toLowerCase();
}

/**
 * Sources that are probably the one being entered: the same URL, or the same body and
 * diarienummer. A warning, not a refusal: the user may reuse one or say it is a different source.
 */
export async function findDuplicateSources(
  db: Db | Tx,
  candidate: { url?: string | null; body?: string | null; diarienummer?: string | null },
  options: { excludeId?: string } = {},
): Promise<DuplicateSource[]> {
  const found = new Map<string, DuplicateSource>();
  const exclude: SQL | undefined = options.excludeId ? ne(sources.id, options.excludeId) : undefined;
  const columns = { id: sources.id, kind: sources.kind, citation: sources.citation, title: sources.title, url: sources.url };

  const wanted = candidate.url ? normalizeUrl(candidate.url) : null;
  if (wanted) {
    const host = wanted.split("/")[0]!;
    const rows = await db
      .select(columns)
      .from(sources)
      .where(and(isNotNull(sources.url), sql`lower(${sources.url}) LIKE ${`%${host.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`, exclude));
    for (const row of rows) {
      if (row.url && normalizeUrl(row.url) === wanted) found.set(row.id, { id: row.id, kind: row.kind, citation: row.citation, title: row.title, match: "url" });
    }
  }

  const body = candidate.body?.trim();
  const dnr = candidate.diarienummer?.trim();
  if (body && dnr) {
    const rows = await db
      .select(columns)
      .from(sources)
      .where(
        and(
          eq(sql`lower(regexp_replace(btrim(${sources.body}), '\\s+', ' ', 'g'))`, normalizeBody(body)),
          eq(sql`lower(regexp_replace(${sources.diarienummer}, '\\s+', '', 'g'))`, normalizeDiarienummer(dnr)),
          exclude,
        ),
      );
    for (const row of rows) {
      if (!found.has(row.id)) found.set(row.id, { id: row.id, kind: row.kind, citation: row.citation, title: row.title, match: "body_diarienummer" });
    }
  }
  return [...found.values()];
}
