"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ActionMessage } from "./action-message";

export function WithdrawButton({ proposalId, withdraw }: { proposalId: string; withdraw: (id: string) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await withdraw(proposalId);
            setResult(r.ok ? null : r);
            if (r.ok) router.refresh();
          })
        }
      >
        {t("withdraw")}
      </button>
      <ActionMessage result={result} />
    </>
  );
}
