import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { requirePagePermission } from "@/lib/auth/page";
import { getSetting, updateSettings } from "@/lib/settings";

async function saveSettings(formData: FormData) {
  "use server";
  const ctx = await requirePermission("settings.manage");
  await updateSettings({ ctx, input: { analystEditsRequireReview: formData.get("analystEditsRequireReview") === "on" } });
  revalidatePath("/admin/settings");
}

export default async function SettingsPage() {
  const { db } = await requirePagePermission("settings.manage");
  const requireReview = await getSetting(db, "analystEditsRequireReview");
  const t = await getTranslations("settings");
  return (
    <>
      <h1>{t("title")}</h1>
      <form action={saveSettings} className="card form" style={{ maxWidth: 640 }}>
        <label>
          <input type="checkbox" name="analystEditsRequireReview" defaultChecked={requireReview} /> {t("analystEditsRequireReview")}
        </label>
        <p className="muted" style={{ margin: 0 }}>
          {t("analystEditsRequireReviewHelp")}
        </p>
        <div>
          <button className="btn btn--primary" type="submit">
            {t("save")}
          </button>
        </div>
      </form>
    </>
  );
}
