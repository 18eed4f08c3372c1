"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { emptySourceInput, sourceInputSchema } from "@/lib/validation/sources";
import { useConfirmMessage, type ConfirmAction } from "./confirm-button";
import { ConfirmEvidence, type EvidenceValues } from "./confirm-evidence";

const evidenceFormSchema = z.object({ evidence: sourceInputSchema });

export interface ConfirmItem {
  agreementId: string;
  eventId: string;
  label: string;
  state: string;
}

/**
 * "Nothing has changed" with a note: for one agreement (its confirmation page) or for several at
 * once (the home page, each with a check box). Sends the state each one showed; a state that
 * changed meanwhile is refused as stale, and nothing is recorded.
 */
export function ConfirmForm({ items, confirm, doneHref, campaignId }: { items: ConfirmItem[]; confirm: ConfirmAction; doneHref?: string; campaignId?: string }) {
  const t = useTranslations("confirm");
  const router = useRouter();
  const message = useConfirmMessage();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(items.map((i) => i.agreementId)));
  const [note, setNote] = useState("");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<{ count: number }> | null>(null);
  const [withEvidence, setWithEvidence] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const evidenceForm = useForm<EvidenceValues>({
    resolver: zodResolver(evidenceFormSchema) as never,
    // Checked on blur once touched, and on send (handleSubmit below); after a send, as the user types.
    mode: "onTouched",
    defaultValues: { evidence: emptySourceInput("email") },
  });
  const many = items.length > 1;
  const selected = items.filter((i) => chosen.has(i.agreementId));
  return (
    <form
      className="form confirm-form"
      aria-label={many ? t("allTitle") : t("oneTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        const send = () =>
          start(async () => {
            const input = {
              items: selected.map(({ agreementId, eventId }) => ({ agreementId, eventId })),
              note,
              campaignId,
              ...(withEvidence ? { evidence: evidenceForm.getValues("evidence") } : {}),
            };
            let payload: unknown = input;
            if (withEvidence) {
              const form = new FormData();
              form.set("payload", JSON.stringify(input));
              if (file) form.set("file:0", file);
              payload = form;
            }
            const r = await confirm(payload);
            setResult(r);
            if (!r.ok && r.fieldErrors) {
              for (const [path, messages] of Object.entries(r.fieldErrors)) {
                if (path.startsWith("evidence.")) evidenceForm.setError(path as "evidence", { message: messages[0] });
              }
            }
            if (r.ok) {
              setNote("");
              setWithEvidence(false);
              setFile(null);
              evidenceForm.reset();
              if (doneHref) router.push(doneHref);
              router.refresh();
            }
          });
        // The evidence is checked by the same source schema as on the server, before sending, through
        // the evidence form's own submit: from then on each field is re-checked as it is typed, so a
        // corrected field's message is gone before the next click. (Checked with trigger() instead,
        // the message only went on blur, i.e. on the press of this button: the button moved up under
        // the pointer and the click was lost.)
        if (withEvidence) void evidenceForm.handleSubmit(send)();
        else send();
      }}
    >
      {many && (
        <fieldset>
          <legend>{t("choose")}</legend>
          {items.map((i) => (
            <label key={i.agreementId} className="confirm-form__item">
              <input
                type="checkbox"
                checked={chosen.has(i.agreementId)}
                onChange={(e) =>
                  setChosen((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.add(i.agreementId);
                    else next.delete(i.agreementId);
                    return next;
                  })
                }
              />{" "}
              {i.label} <span className="muted">({i.state})</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={many ? "confirm-note-all" : "confirm-note"}>{t("note")}</label>
        <textarea id={many ? "confirm-note-all" : "confirm-note"} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <span className="field-hint">{t("noteHint")}</span>
      </div>
      {withEvidence ? (
        <>
          <ConfirmEvidence form={evidenceForm} onFile={setFile} />
          <p>
            <button type="button" className="btn" onClick={() => setWithEvidence(false)}>
              {t("evidence.remove")}
            </button>
          </p>
        </>
      ) : (
        <p>
          <button type="button" className="btn" onClick={() => setWithEvidence(true)}>
            {t("evidence.add")}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite">
        {result && <p className={result.ok ? "alert alert--success" : "alert alert--error"}>{message(result)}</p>}
      </div>
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={pending || selected.length === 0}>
          {many ? t("submitAll", { count: selected.length }) : t("submitOne")}
        </button>
      </div>
    </form>
  );
}
