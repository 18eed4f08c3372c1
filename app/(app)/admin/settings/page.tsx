import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page";
import { LICENSE_IDS, LICENSES } from "@/lib/public/license";
import { getSetting } from "@/lib/settings";
import { saveSettingsAction } from "./actions";

export default async function SettingsPage() {
  const { db } = await requirePagePermission("settings.manage");
  const requireReview = await getSetting(db, "analystEditsRequireReview");
  const license = await getSetting(db, "dataLicense");
  const t = await getTranslations("settings");
  const tp = await getTranslations("publish.settings");
  return (
    <>
      <h1>{t("title")}</h1>
      <form action={saveSettingsAction} className="card form" style={{ maxWidth: 640 }}>
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
