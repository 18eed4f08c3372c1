import { useTranslations } from "next-intl";

/** What a page shows to a signed-in user who may not use it (the server refuses the action too). */
export function ForbiddenNotice() {
  const t = useTranslations("errors");
  return (
    <div className="card" role="alert">
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbidden")}</p>
    </div>
  );
}
