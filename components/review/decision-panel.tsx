"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { DecisionKind } from "@/lib/review/proposals";
import { ActionMessage } from "./action-message";

interface Props {
  proposalId: string;
  agreementId?: string;
  version: number;
  stale: boolean;
  canApprove: boolean;
  decide: (kind: DecisionKind, input: { proposalId: string; version: number; reason?: string }) => Promise<ActionResult<unknown>>;
  rebase: (proposalId: string) => Promise<ActionResult<unknown>>;
}

export function DecisionPanel({ proposalId, agreementId, version, stale, canApprove, decide, rebase }: Props) {
  const t = useTranslations("review");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [done, setDone] = useState<DecisionKind | "rebase" | null>(null);
  const [pending, start] = useTransition();

  const run = (kind: DecisionKind) =>
    start(async () => {
      if (kind !== "approve" && !reason.trim()) {
        setResult({ ok: false, code: "invalid", message: t("errors.reasonRequired") });
        return;
      }
      const r = await decide(kind, { proposalId, version, reason: reason.trim() || undefined });
      setResult(r);
      setDone(r.ok ? kind : null);
      if (r.ok) {
        setReason(""); // the reason is sent: the box is ready for the next one
        router.refresh();
      }
    });

  return (
    <section className="card" aria-labelledby="decision-heading">
      <h2 id="decision-heading" style={{ marginTop: 0 }}>
        {t("decision")}
      </h2>
      {stale && (
        <div className="alert alert--error" role="alert" style={{ marginBottom: "0.75rem" }}>
          {t("stale")}{" "}
          <button
            type="button"
            className="btn btn--small"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await rebase(proposalId);
                setResult(r);
                setDone(r.ok ? "rebase" : null);
                if (r.ok) router.refresh();
              })
            }
          >
            {t("rebase")}
          </button>
        </div>
      )}
      <div className="field">
        <label htmlFor="decision-reason">{t("reasonLabel")}</label>
        <textarea id="decision-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div style={{ display: "flex", gap: "0.5rem", marginTop: "0.75rem", flexWrap: "wrap" }}>
        <button type="button" className="btn btn--primary" disabled={pending || stale || !canApprove} onClick={() => run("approve")}>
          {t("approve")}
        </button>
        <button type="button" className="btn" disabled={pending} onClick={() => run("request_changes")}>
          {t("requestChanges")}
        </button>
        <button type="button" className="btn btn--danger" disabled={pending} onClick={() => run("reject")}>
          {t("reject")}
        </button>
      </div>
      <div style={{ marginTop: "0.75rem" }}>
        <ActionMessage result={result} agreementId={agreementId} success={done ? t(`decided.${done}`) : undefined} />
      </div>
    </section>
  );
}
