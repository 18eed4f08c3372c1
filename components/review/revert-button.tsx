"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ActionMessage } from "./action-message";

interface Props {
  revisionId: number;
  agreementId: string;
  revert: (input: { revisionId: number; reason: string; agreementId: string }) => Promise<ActionResult<{ revisionId?: number; proposalId?: string }>>;
}

export function RevertButton({ revisionId, agreementId, revert }: Props) {
  const t = useTranslations("history");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (done) return <p role="status" className="alert alert--info">{done}</p>;
  if (!open)
    return (
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)}>
        {t("revert")}
      </button>
    );
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await revert({ revisionId, reason, agreementId });
          if (r.ok) {
            setDone(r.data?.proposalId ? t("revertProposed") : t("reverted"));
            router.refresh();
          } else setResult(r);
        });
      }}
    >
      <div className="field">
        <label htmlFor={`revert-${revisionId}`}>{t("revertReason")}</label>
        <input id={`revert-${revisionId}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ActionMessage result={result} />
      <div>
        <button type="submit" className="btn btn--small btn--primary" disabled={pending}>
          {t("revert")}
        </button>
      </div>
    </form>
  );
}
