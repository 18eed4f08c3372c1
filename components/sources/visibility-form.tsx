"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { SOURCE_VISIBILITIES, type SourceVisibility } from "@/db/schema/publication";
import type { FormResult } from "@/lib/validation/form-result";

/** An analyst's switch of who may see a source; saved as a revision of the source. */
export function VisibilityForm({
  sourceId,
  version,
  visibility,
  save,
}: {
  sourceId: string;
  version: number;
  visibility: SourceVisibility;
  save: (input: unknown) => Promise<FormResult<{ version: number }>>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [value, setValue] = useState<SourceVisibility>(visibility);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<FormResult<{ version: number }> | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await save({ id: sourceId, version, visibility: value, reason });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <label htmlFor="source-visibility">{t("publish.visibility.label")}</label>
      <select id="source-visibility" value={value} onChange={(e) => setValue(e.target.value as SourceVisibility)} aria-describedby="source-visibility-help">
        {SOURCE_VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {t(`publish.visibility.${v}`)}
          </option>
        ))}
      </select>
      <p id="source-visibility-help" className="muted" style={{ margin: 0 }}>
        {t("publish.visibility.help")}
      </p>
      <label htmlFor="source-visibility-reason">{t("publish.visibility.reason")}</label>
      <input id="source-visibility-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      {result && !result.ok && (
        <p className="field-error" role="alert">
          {t(result.message as "publish.visibility.invalid")}
        </p>
      )}
      {result?.ok && (
        <p className="alert alert--success" role="status">
          {t("publish.visibility.saved")}
        </p>
      )}
      <div>
        <button type="submit" className="btn" disabled={pending || value === visibility}>
          {t("publish.visibility.save")}
        </button>
      </div>
    </form>
  );
}
