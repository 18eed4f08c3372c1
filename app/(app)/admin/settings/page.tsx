import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/guard";
import { requirePagePermission } from "@/lib/auth/page";
import { LICENSE_IDS, LICENSES } from "@/lib/public/license";
import { getSetting, updateSettings } from "@/lib/settings";

async function saveSettings(formData: FormData) {
  "use server";
  const ctx = await requirePermission("settings.manage");
  await updateSettings({ ctx, input: { analystEditsRequireReview: formData.get("analystEditsRequireReview") === "on", dataLicense: formData.get("dataLicense") ?? undefined } });
  revalidatePath("/admin/settings");
}

export default async function SettingsPage() {
  const { db } = await requirePagePermission("settings.manage");
  const requireReview = await getSetting(db, "analystEditsRequireReview");
  const license = await getSetting(db, "dataLicense");
  const t = await getTranslations("settings");
  const tp = await getTranslations("publish.settings");
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
        <label>
          {tp("license")}{" "}
          <select name="dataLicense" defaultValue={license}>
            {LICENSE_IDS.map((id) => (
              <option key={id} value={id}>
                {LICENSES[id].title}
              </option>
            ))}
          </select>
        </label>
        <p className="muted" style={{ margin: 0 }}>
          {tp("licenseHelp")}
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
