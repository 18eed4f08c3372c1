import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { dataReleaseFiles, dataReleases } from "@/db/schema";
import { assertCan, type ActionContext } from "../auth/context";
import { getSetting } from "../settings";
import { invalid, type FormResult } from "../validation/form-result";
import { publicTables } from "./dataset";
import { sha256 } from "./files";
import type { ReleaseChangeItem, ReleaseChanges } from "./open-data";
import { buildBundle } from "./package";

export const publishReleaseSchema = z.object({
  note: z.string().trim().min(1, "publish.release.errors.noteRequired").max(4000, "publish.release.errors.noteTooLong"),
  /** Empty: the next number of the current year (2026.1, 2026.2, ...). */
  version: z
    .string()
    .trim()
    .regex(/^(\d{4}\.[1-9]\d{0,3})?$/, "publish.release.errors.versionFormat")
    .default(""),
});

const MAX_ITEMS = 500;

/**
 * What changed since the previous release (or since the beginning, for the first), read from
 * the history: new agreements, edited agreements (revisions), status events, corrections and
 * published sources recorded after the previous release's snapshot and up to `until`.
 */
export async function releaseChanges(db: Db, since: Date | null, until: Date): Promise<ReleaseChanges> {
  const from = since ?? new Date(0);
  const title = sql`s.name || ' – ' || f.name`;
  const [added, edited, events, sources] = await Promise.all([
    queryRows<ReleaseChangeItem>(
      db,
      sql`SELECT a.id, ${title} AS title, a.kind::text AS detail FROM agreements a
          JOIN organizations s ON s.id = a.swedish_org_id JOIN organizations f ON f.id = a.foreign_org_id
          WHERE a.created_at > ${from.toISOString()}::timestamptz AND a.created_at <= ${until.toISOString()}::timestamptz
          ORDER BY a.created_at, a.id LIMIT ${MAX_ITEMS}`,
    ),
    queryRows<ReleaseChangeItem>(
      db,
      sql`SELECT DISTINCT ON (a.id) a.id, ${title} AS title, array_to_string(r.changed_fields, ', ') AS detail
          FROM revisions r JOIN agreements a ON a.id = r.entity_id
          JOIN organizations s ON s.id = a.swedish_org_id JOIN organizations f ON f.id = a.foreign_org_id
          WHERE r.entity_type = 'agreement' AND r.action <> 'agreement.create'
            AND r.at > ${from.toISOString()}::timestamptz AND r.at <= ${until.toISOString()}::timestamptz
            AND a.created_at <= ${from.toISOString()}::timestamptz
          ORDER BY a.id, r.at DESC LIMIT ${MAX_ITEMS}`,
    ),
    queryRows<ReleaseChangeItem & { correction: boolean }>(
      db,
      sql`SELECT e.id, ${title} AS title,
            e.status::text || coalesce(' ' || to_char(e.effective_on, CASE e.effective_precision WHEN 'year' THEN 'YYYY' WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY-MM-DD' END), '') AS detail,
            (e.supersedes_id IS NOT NULL) AS correction
          FROM status_events e JOIN agreements a ON a.id = e.agreement_id
          JOIN organizations s ON s.id = a.swedish_org_id JOIN organizations f ON f.id = a.foreign_org_id
          WHERE e.recorded_at > ${from.toISOString()}::timestamptz AND e.recorded_at <= ${until.toISOString()}::timestamptz
          ORDER BY e.seq LIMIT ${MAX_ITEMS * 2}`,
    ),
    queryRows<ReleaseChangeItem>(
      db,
      sql`SELECT s.id, CASE WHEN s.visibility = 'public' THEN s.citation ELSE 'confidential' END AS title, s.kind::text AS detail
          FROM sources s
          WHERE s.visibility <> 'internal' AND (
            (s.created_at > ${from.toISOString()}::timestamptz AND s.created_at <= ${until.toISOString()}::timestamptz)
            OR EXISTS (SELECT 1 FROM revisions r WHERE r.entity_type = 'source' AND r.entity_id = s.id AND r.action = 'source.visibility'
                       AND r.at > ${from.toISOString()}::timestamptz AND r.at <= ${until.toISOString()}::timestamptz
                       AND r.before->>'visibility' = 'internal'))
          ORDER BY s.created_at, s.id LIMIT ${MAX_ITEMS}`,
    ),
  ]);
  const strip = ({ id, title, detail }: ReleaseChangeItem) => ({ id, title, ...(detail ? { detail } : {}) });
  return {
    first: since === null,
    agreementsAdded: added.map(strip),
    agreementsEdited: edited.map(strip),
    statusChanges: events.filter((e) => !e.correction).map(strip),
    corrections: events.filter((e) => e.correction).map(strip),
    sourcesAdded: sources.map(strip),
  };
}

export type PublishReleaseResult = FormResult<{ version: string; contentHash: string }>;

/**
 * A reviewer publishes a numbered release: every public table as it stands, in every format,
 * stored byte for byte with its hashes, and the notes of what changed since the previous one.
 * Releases are append-only (a trigger refuses UPDATE and DELETE); a version is taken once.
 */
export async function publishRelease({ ctx, input, origin, now = new Date() }: { ctx: ActionContext; input: unknown; origin: string; now?: Date }): Promise<PublishReleaseResult> {
  assertCan(ctx.user, "release.publish");
  const parsed = publishReleaseSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return ctx.db.transaction(async (tx) => {
    // One publisher at a time: the next number and the "previous release" must not race.
    await tx.execute(sql`LOCK TABLE data_releases IN SHARE ROW EXCLUSIVE MODE`);
    const db = tx as unknown as Db;
    const [previous] = await queryRows<{ version: string; dataAsOf: string }>(
      db,
      sql`SELECT version, data_as_of::text AS "dataAsOf" FROM data_releases ORDER BY data_as_of DESC, published_at DESC LIMIT 1`,
    );
    const year = now.getUTCFullYear();
    let version = parsed.data.version;
    if (!version) {
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`SELECT coalesce(max(split_part(version, '.', 2)::int), 0)::int AS n FROM data_releases WHERE split_part(version, '.', 1) = ${String(year)}`,
      );
      version = `${year}.${(n?.n ?? 0) + 1}`;
    }
    const [taken] = await queryRows<{ id: string }>(db, sql`SELECT id FROM data_releases WHERE version = ${version}`);
    if (taken) return { ok: false, message: "publish.release.errors.versionTaken", fieldErrors: { version: ["publish.release.errors.versionTaken"] } };

    const changes = await releaseChanges(db, previous ? new Date(previous.dataAsOf) : null, now);
    const license = await getSetting(tx, "dataLicense");
    const files = await buildBundle(await publicTables(db, origin), { version, asOf: now, origin, license, note: parsed.data.note });
    const hashed = files.map((f) => ({ ...f, sha256: sha256(f.bytes) }));
    const contentHash = sha256(hashed.map((f) => `${f.name} ${f.sha256}\n`).join(""));
    const [release] = await tx
      .insert(dataReleases)
      .values({ version, note: parsed.data.note, changes, contentHash, dataAsOf: now, publishedBy: ctx.user.id, publishedAt: now })
      .returning({ id: dataReleases.id });
    await tx.insert(dataReleaseFiles).values(
      hashed.map((f) => ({ releaseId: release!.id, name: f.name, mediaType: f.mediaType, sha256: f.sha256, bytes: f.bytes, sizeBytes: f.bytes.length })),
    );
    return { ok: true, value: { version, contentHash } };
  });
}
