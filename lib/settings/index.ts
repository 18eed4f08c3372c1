import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { assertCan, type ActionContext } from "../auth/context";
import { appSettings, auditLog } from "@/db/schema";
import { LICENSE_IDS } from "../public/license";

/** Admin settings with their types and defaults. */
export const SETTINGS = {
  /** Whether analysts' own edits go live at once (false) or go through review like officials' (true). */
  analystEditsRequireReview: z.boolean().default(false),
  /** The open data's licence (lib/public/license.ts). */
  dataLicense: z.enum(LICENSE_IDS).default("CC-BY-4.0"),
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]>;

export async function getSetting<K extends SettingKey>(db: Db | Tx, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  const parsed = SETTINGS[key].safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].parse(undefined)) as SettingValue<K>;
}

/** Changes a setting and records who did it in the audit log, in one transaction. */
export async function setSetting<K extends SettingKey>(db: Db, actorId: string, key: K, value: SettingValue<K>): Promise<void> {
  const parsed = SETTINGS[key].parse(value);
  await db.transaction(async (tx) => {
    const before = await getSetting(tx, key);
    await tx
      .insert(appSettings)
      .values({ key, value: parsed, updatedBy: actorId })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed, updatedBy: actorId, updatedAt: new Date() } });
    await tx.insert(auditLog).values({ action: "settings.update", actorId, details: { key, before, after: parsed } });
  });
}

const settingsInputSchema = z.object({ analystEditsRequireReview: z.boolean(), dataLicense: SETTINGS.dataLicense.optional() });

/** The admin's settings form: permission first, then each setting with its audit row. */
export async function updateSettings({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<void> {
  assertCan(ctx.user, "settings.manage");
  const parsed = settingsInputSchema.parse(input);
  await setSetting(ctx.db, ctx.user.id, "analystEditsRequireReview", parsed.analystEditsRequireReview);
  if (parsed.dataLicense) await setSetting(ctx.db, ctx.user.id, "dataLicense", parsed.dataLicense);
}
