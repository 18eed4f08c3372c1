"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { ActionMessage } from "./action-message";

export function CommentForm({
  proposalId,
  comment,
}: {
  proposalId: string;
  comment: (input: { proposalId: string; body: string }) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const [body, setBody] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="form"
      style={{ maxWidth: "none" }}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await comment({ proposalId, body });
          setResult(r.ok ? null : r);
          if (r.ok) {
            setBody("");
            router.refresh();
          }
        });
      }}
    >
      <div className="field">
        <label htmlFor="comment-body">{t("commentLabel")}</label>
        <textarea id="comment-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <ActionMessage result={result} />
      <div>
        <button className="btn" type="submit" disabled={pending}>
          {t("commentSubmit")}
        </button>
      </div>
    </form>
  );
}
