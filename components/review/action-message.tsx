"use client";

import { useTranslations } from "next-intl";
import { RefusalMessage, useUploadProblemText } from "@/components/events/refusal-message";
import type { UploadRefusal } from "@/lib/attachments/store";
import type { ActionResult } from "@/lib/actions/result";
import type { Refusal } from "@/lib/events/transitions";

/**
 * Shows a refused action's message: field errors are catalogue keys, a refused status change is
 * worded by the transition rules' own message, other refusals carry their own text.
 */
export function ActionMessage({ result, agreementId, success }: { result: ActionResult<unknown> | null; agreementId?: string; /** What was done, in words, instead of "Klart.". */ success?: string }) {
  const t = useTranslations();
  const uploadText = useUploadProblemText();
  if (!result) return null;
  if (result.ok) return <p role="status" className="alert alert--success" data-testid="action-done">{success ?? t("review.done")}</p>;
  const refusal = result.code === "invalid_transition" ? (result.details?.refusal as Refusal | undefined) : undefined;
  if (refusal && agreementId) return <RefusalMessage refusal={refusal} agreementId={agreementId} />;
  const uploads = result.code === "upload_refused" ? (result.details?.problems as { filename: string; problem: UploadRefusal }[] | undefined) : undefined;
  if (uploads?.length) {
    return (
      <div role="alert" className="alert alert--error">
        {uploads.map((p, i) => (
          <div key={i}>{uploadText({ sourceIndex: 0, ...p })}</div>
        ))}
      </div>
    );
  }
  const fieldMessages = Object.values(result.fieldErrors ?? {}).flat();
  return (
    <div role="alert" className="alert alert--error">
      {fieldMessages.length > 0 ? fieldMessages.map((m) => <div key={m}>{t.has(m) ? t(m) : m}</div>) : result.message}
    </div>
  );
}
