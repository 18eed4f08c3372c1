"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { WriteResult } from "@/lib/users/result";

/** Closes a campaign after the user confirms: no more reminders, and the statuses are kept as they are. */
export function CloseCampaignButton({
  campaignId,
  close,
}: {
  campaignId: string;
  close: (input: { campaignId: string }) => Promise<WriteResult<{ id: string }>>;
}) {
  const t = useTranslations("campaigns");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="btn-row">
      <button
        type="button"
        className="btn btn--danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("detail.closeConfirm"))) return;
          start(async () => {
            const result = await close({ campaignId });
            if (!result.ok) setError(result.message);
            router.refresh();
          });
        }}
      >
        {pending ? t("detail.closing") : t("detail.close")}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {t(error.replace(/^campaigns\./, "") as "errors.alreadyClosed")}
        </span>
      )}
    </div>
  );
}
