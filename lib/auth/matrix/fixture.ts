import { eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/client";
import { agreements, users } from "@/db/schema";
import { seedDatabase, swedishOrgId } from "@/db/seed";
import type { Role } from "../../domain/enums";
import { hashPassword } from "../password";
import type { Actor, Resource } from "../permissions";

/**
 * The people the permission matrix is run for. "Same org" and "other org" are relative to the
 * default target, an agreement of Bengtsfors (kommun 1460).
 */
export const ACTOR_KEYS = [
  "admin",
  "analyst",
  "reviewer",
  "official_same_org",
  "official_other_org",
  "analyst_reviewer",
  "deactivated",
  "no_session",
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];
export const ACTIVE_ACTORS: readonly ActorKey[] = ACTOR_KEYS.filter((k) => k !== "deactivated" && k !== "no_session");

export interface MatrixActor {
  key: ActorKey;
  /** null for "no session". */
  id: string | null;
  /** As can() sees the account (null for no session). */
  actor: Actor | null;
}

export interface MatrixFixture {
  db: Db;
  actors: Record<ActorKey, MatrixActor>;
  orgs: { same: string; other: string };
  agreements: { same: string; other: string };
  /** Another analyst, the author of proposals that none of the actors wrote. */
  authorId: string;
}

/** What a case is about: the agreement (and its organisation) and, for proposals, who wrote it. */
export interface MatrixTarget {
  agreementId: string;
  organizationId: string;
  proposalAuthorId: string;
}

export function resourceOf(target: MatrixTarget): Resource {
  return { organizationId: target.organizationId, authorId: target.proposalAuthorId };
}

const ACCOUNTS: Record<Exclude<ActorKey, "no_session">, { roles: Role[]; org?: "same" | "other"; active?: boolean }> = {
  admin: { roles: ["admin"] },
  analyst: { roles: ["analyst"] },
  reviewer: { roles: ["reviewer"] },
  official_same_org: { roles: ["municipal_official"], org: "same" },
  official_other_org: { roles: ["municipal_official"], org: "other" },
  analyst_reviewer: { roles: ["analyst", "reviewer"] },
  // A deactivated administrator: whatever the roles, nothing is allowed.
  deactivated: { roles: ["admin"], active: false },
};

/** Seeds the report's dataset and one account per actor. */
export async function createMatrixFixture(db: Db): Promise<MatrixFixture> {
  await seedDatabase(db, { demoUsers: false });
  const sameOrg = swedishOrgId({ kind: "kommun", code: "1460" });
  const [same] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.swedishOrgId, sameOrg)).limit(1);
  const [other] = await db
    .select({ id: agreements.id, org: agreements.swedishOrgId })
    .from(agreements)
    .where(ne(agreements.swedishOrgId, sameOrg))
    .orderBy(agreements.id)
    .limit(1);
  if (!same || !other) throw new Error("the dataset has no agreement for the matrix");
  const orgs = { same: sameOrg, other: other.org };

  const passwordHash = await hashPassword("matrix-password-not-used");
  const rows = await db
    .insert(users)
    .values([
      ...Object.entries(ACCOUNTS).map(([key, a]) => ({
        email: `${key.replace(/_/g, "-")}@matrix.test`,
        name: `Matrix ${key}`,
        passwordHash,
        roles: a.roles,
        organizationId: a.org ? orgs[a.org] : null,
        active: a.active ?? true,
      })),
      { email: "author@matrix.test", name: "Matrix author", passwordHash, roles: ["analyst"] as Role[] },
    ])
    .returning();
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const actors = Object.fromEntries(
    ACTOR_KEYS.map((key) => {
      if (key === "no_session") return [key, { key, id: null, actor: null }];
      const row = byEmail.get(`${key.replace(/_/g, "-")}@matrix.test`)!;
      return [key, { key, id: row.id, actor: { id: row.id, roles: row.roles, organizationId: row.organizationId, active: row.active } }];
    }),
  ) as Record<ActorKey, MatrixActor>;
  return {
    db,
    actors,
    orgs,
    agreements: { same: same.id, other: other.id },
    authorId: byEmail.get("author@matrix.test")!.id,
  };
}

/**
 * A fingerprint of every table's content: equal before and after a refused call means the
 * refusal changed nothing in the database.
 */
export async function databaseFingerprint(db: Db): Promise<string> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables.map(
    (t) => sql`SELECT ${t.name} AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash FROM ${sql.identifier(t.name)} x`,
  );
  const rows = await queryRows<{ name: string; hash: string }>(db, sql.join(parts, sql` UNION ALL `));
  return rows.map((r) => `${r.name}:${r.hash}`).join("\n");
}
