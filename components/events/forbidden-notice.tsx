import { useTranslations } from "next-intl";

export function ForbiddenNotice() {
  const t = useTranslations("errors");
  return (
    <>
      <h1>{t("forbiddenTitle")}</h1>
      <p className="alert alert--error" role="alert">
        {t("forbidden")}
      </p>
    </>
  );
}
