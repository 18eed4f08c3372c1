"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

/** Shows a refused action's message: field errors are catalogue keys, other refusals carry their own text. */
export function ActionMessage({ result }: { result: ActionResult<unknown> | null }) {
  const t = useTranslations();
  if (!result) return null;
  if (result.ok) return <p role="status" className="alert alert--info">{t("review.done")}</p>;
  const fieldMessages = Object.values(result.fieldErrors ?? {}).flat();
  return (
    <div role="alert" className="alert alert--error">
      {fieldMessages.length > 0
        ? fieldMessages.map((m) => <div key={m}>{t.has(m) ? t(m) : m}</div>)
        : result.message}
    </div>
  );
}
