"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/action";
import { updateSettings } from "@/lib/settings";

// Declared with its permission: a non-admin's request is a 403 before the body runs, not a 500.
export const saveSettingsAction = guardedAction("settings.manage", async (ctx, formData: FormData) => {
  await updateSettings({ ctx, input: { analystEditsRequireReview: formData.get("analystEditsRequireReview") === "on", dataLicense: formData.get("dataLicense") ?? undefined } });
  revalidatePath("/admin/settings");
});
