"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { FormProvider } from "react-hook-form";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/media-types";
import { SourceFields } from "../sources/source-fields";

export interface EvidenceValues {
  evidence: Record<string, unknown>;
}

/**
 * The evidence of a confirmation: one source of any kind, through the same source fieldset the
 * event and proposal forms use, and its file. Kept internal with the confirmation.
 */
export function ConfirmEvidence({ form, onFile }: { form: UseFormReturn<EvidenceValues>; onFile: (file: File | null) => void }) {
  const t = useTranslations("confirm.evidence");
  return (
    <FormProvider {...form}>
      <fieldset className="confirm-form__evidence" data-testid="confirm-evidence">
        <legend>{t("title")}</legend>
        <p className="field-hint">{t("hint")}</p>
        <SourceFields prefix="evidence" />
        <div className="field">
          <label htmlFor="confirm-evidence-file">{t("file")}</label>
          <span className="field-hint">{t("fileHint")}</span>
          <input id="confirm-evidence-file" type="file" accept={ACCEPT_ATTRIBUTE} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
        </div>
      </fieldset>
    </FormProvider>
  );
}
