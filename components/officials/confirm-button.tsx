"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

export type ConfirmAction = (input: unknown) => Promise<ActionResult<{ count: number }>>;

/** The refusal of a confirmation in words (stale: the state changed since the page was loaded). */
export function useConfirmMessage() {
  const t = useTranslations("confirm");
  return (r: ActionResult<{ count: number }>) => {
    if (r.ok) return t("done", { count: r.data?.count ?? 1 });
    if (r.code === "stale") return t("errors.stale");
    if (r.code === "nothing_to_confirm") return t("errors.noState");
    if (r.code === "invalid") return t("errors.invalid");
    // The evidence's refusals name their reason (confirm.errors.*).
    const key = r.message.replace(/^confirm\./, "");
    return r.message.startsWith("confirm.errors.") && t.has(key as "errors.failed") ? t(key as "errors.failed") : t("errors.failed");
  };
}

/** One click: "nothing has changed" for one agreement's current state (the event shown). */
export function ConfirmButton({ agreementId, eventId, label, confirm, primary }: { agreementId: string; eventId: string; label: string; confirm: ConfirmAction; primary?: boolean }) {
  const router = useRouter();
  const message = useConfirmMessage();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<{ count: number }> | null>(null);
  return (
    <span className="confirm-one">
      <button
        type="button"
        className={primary ? "btn btn--primary" : "btn"}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await confirm({ items: [{ agreementId, eventId }] });
            setResult(r);
            if (r.ok) router.refresh();
          })
        }
      >
        {label}
      </button>
      <span role="status" className={result && !result.ok ? "field-error" : "confirm-one__done"}>
        {result ? message(result) : ""}
      </span>
    </span>
  );
}
