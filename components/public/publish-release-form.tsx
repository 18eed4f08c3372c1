"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { PublishReleaseResult } from "@/lib/public/publish-release";

/** A reviewer's form: publish the current data as the next numbered release, with a note. */
export function PublishReleaseForm({ publish, nextVersion }: { publish: (input: unknown) => Promise<PublishReleaseResult>; nextVersion: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [result, setResult] = useState<PublishReleaseResult | null>(null);
  const [pending, start] = useTransition();
  const error = result && !result.ok ? (result.fieldErrors?.note?.[0] ?? result.message) : null;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await publish({ note });
          setResult(r);
          if (r.ok) {
            setNote("");
            router.refresh();
          }
        });
      }}
    >
      <label htmlFor="release-note">{t("publish.release.note", { version: nextVersion })}</label>
      <textarea id="release-note" name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!error} aria-describedby={error ? "release-error" : undefined} />
      {error && (
        <p id="release-error" className="field-error" role="alert">
          {t(error as "publish.release.errors.noteRequired")}
        </p>
      )}
      {result?.ok && (
        <p className="alert alert--success" role="status">
          {t("publish.release.published", { version: result.value.version })}
        </p>
      )}
      <div>
        <button type="submit" className="btn btn--primary" disabled={pending}>
          {t("publish.release.submit")}
        </button>
      </div>
    </form>
  );
}
