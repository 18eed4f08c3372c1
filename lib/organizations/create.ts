import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "@/db/client";
import { organizations } from "@/db/schema";
import { foldSql } from "../agreements/fold";
import { allowed, fieldErrorsOf, FieldRefusal, FORBIDDEN, invalid, type Refusal, type WriteContext } from "../agreements/write";
import { recordRevision } from "../revisions/record";
import { foreignOrganizationSchema, type ForeignOrganizationValues } from "../validation/organizations";

export type CreateOrganizationResult = { ok: true; id: string } | Refusal;

/**
 * Inserts a foreign party and its revision in the caller's transaction. Refuses (by throwing
 * FieldRefusal, which rolls the transaction back) a parent that is not a foreign party and a
 * party that already exists under the same name.
 * `prefix` places the field errors in the caller's form ("foreign.org." in the agreement form).
 */
export async function insertForeignOrganization(tx: Tx, actorId: string, values: ForeignOrganizationValues, prefix = ""): Promise<string> {
  if (values.parentId) {
    const [parent] = await queryRows<{ kind: string }>(tx, sql`SELECT kind FROM organizations WHERE id = ${values.parentId}`);
    if (!parent || parent.kind !== "foreign") throw new FieldRefusal({ [`${prefix}parentId`]: ["registry.errors.parentInvalid"] });
  }
  const duplicates = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM organizations
        WHERE kind = 'foreign' AND (${foldSql(sql`name`)} = ${foldSql(sql`${values.name}::text`)}
          OR (${values.nameNative}::text <> '' AND name_native = ${values.nameNative}::text))
        LIMIT 1`,
  );
  if (duplicates.length > 0) throw new FieldRefusal({ [`${prefix}name`]: ["registry.errors.organizationExists"] });

  const [row] = await tx
    .insert(organizations)
    .values({
      kind: "foreign",
      name: values.name,
      shortName: values.name,
      nameNative: values.nameNative || null,
      level: values.level || null,
      parentId: values.parentId || null,
      countryCode: values.countryCode,
    })
    .returning();
  await recordRevision(tx, {
    entityType: "organization",
    entityId: row!.id,
    action: "organization.create",
    actorId,
    before: null,
    after: row!,
  });
  return row!.id;
}

/** Creates a foreign party (with its revision). Swedish parties come from SCB's reference lists. */
export async function createForeignOrganization({ ctx, input }: { ctx: WriteContext; input: unknown }): Promise<CreateOrganizationResult> {
  if (!allowed(ctx, "organization.create")) return FORBIDDEN;
  const parsed = foreignOrganizationSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  try {
    const id = await ctx.db.transaction((tx) => insertForeignOrganization(tx, ctx.user.id, parsed.data));
    return { ok: true, id };
  } catch (error) {
    if (error instanceof FieldRefusal) return invalid(error.fieldErrors);
    throw error;
  }
}
