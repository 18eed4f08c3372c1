"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { CANDIDATE_ID, type EventRef, type Refusal } from "@/lib/events/transitions";
import type { UploadProblemAt } from "@/lib/events/evidence";
import { formatMegabytes } from "./form-helpers";

/** An event named in a message: ”Inte förlängt” 2020, or "the new event". */
export function useEventRef() {
  const t = useTranslations();
  const locale = useLocale();
  return (ref: EventRef | null) => {
    if (!ref) return "";
    if (ref.id === CANDIDATE_ID) return t("evidence.refusal.newEvent");
    const date = formatPartialDate({ on: ref.effectiveOn, precision: ref.effectivePrecision }, locale, t("date.unknown"));
    return t("evidence.refusal.eventRef", { status: t(`status.${ref.status}`), date });
  };
}

/** Why the rules refuse a status change, in words, with a way forward where there is one. */
export function RefusalMessage({ refusal, agreementId }: { refusal: Refusal; agreementId: string }) {
  const t = useTranslations();
  const name = useEventRef();
  const values = {
    status: t(`status.${refusal.status}`),
    previous: name(refusal.previous),
    establishment: name(refusal.establishment),
    later: name(refusal.later),
  };
  // The event to correct instead: the ending or establishment the new event runs into.
  const blocking = refusal.later ?? (refusal.previous && refusal.previous.id !== CANDIDATE_ID ? refusal.previous : null);
  const offerCorrection = blocking && ["already_ended", "ended_is_final", "already_established", "same_status", "not_paused"].includes(refusal.code);
  return (
    <>
      {refusal.later && <p>{t("evidence.refusal.later", values)}</p>}
      <p>{t(`evidence.refusal.${refusal.code}`, values)}</p>
      {offerCorrection && (
        <p>
          <Link href={`/agreements/${agreementId}/events/${blocking.id}/correct`}>{t("evidence.refusal.correctLink", { event: name(blocking) })}</Link>
        </p>
      )}
    </>
  );
}

/** An upload refusal in words. */
export function useUploadProblemText() {
  const t = useTranslations("evidence.upload");
  return (p: UploadProblemAt): string => {
    const pr = p.problem;
    const base = { filename: p.filename };
    switch (pr.code) {
      case "too_large":
        return t("too_large", { ...base, size: formatMegabytes(pr.sizeBytes), max: pr.maxBytes / 1024 / 1024 });
      case "type_not_allowed":
        return t("type_not_allowed", base);
      case "type_mismatch":
        return t("type_mismatch", { ...base, declared: pr.declaredType, actual: pr.actualType });
      case "extension_mismatch":
        return t("extension_mismatch", { ...base, extension: pr.extension, actual: pr.actualType });
      case "too_many_files":
        return t("too_many_files", { max: pr.max });
      case "save_too_large":
        return t("save_too_large", { max: pr.maxBytes / 1024 / 1024 });
      default:
        return t(pr.code, base);
    }
  };
}
