"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { DuplicatesAt, UploadProblemAt } from "@/lib/events/evidence";
import type { Refusal } from "@/lib/events/transitions";
import { clientFileProblem } from "./file-list-input";

export type EvidenceResult =
  | { ok: true; value: { eventId: string; agreementId: string } }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string[]>;
      refusal?: Refusal;
      duplicates?: DuplicatesAt[];
      uploadProblems?: UploadProblemAt[];
      correctedBy?: { recordedByName: string; status: string };
    };

/**
 * Sending an evidence form: the fields as JSON and each source's files, then the answer back
 * into the form (field errors, the refusal, duplicates, file problems) without losing anything
 * typed. On success, to the agreement page at the new event.
 */
export function useEvidenceSubmit<V extends FieldValues & { sources: unknown[] }>(form: UseFormReturn<V>, submit: (fd: FormData) => Promise<EvidenceResult>) {
  const router = useRouter();
  const [files, setFilesState] = useState<Record<string, File[]>>({});
  const [failure, setFailure] = useState<Extract<EvidenceResult, { ok: false }> | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicatesAt[]>([]);

  const setFiles = (key: string, next: File[]) => setFilesState((f) => ({ ...f, [key]: next }));
  const clearDuplicates = (index: number) => setDuplicates((d) => d.filter((x) => x.sourceIndex !== index));

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    // The parsed values drop the entries' keys; the raw ones, in the same order, still have them.
    const raw = form.getValues().sources as { key?: string }[];
    const chosen = raw.map((entry) => (entry.key ? (files[entry.key] ?? []) : []));
    if (chosen.flat().some((f) => clientFileProblem(f))) return;
    const fd = new FormData();
    fd.set("payload", JSON.stringify(values));
    chosen.forEach((list, i) => list.forEach((f) => fd.append(`file:${i}`, f, f.name)));
    let result: EvidenceResult;
    try {
      result = await submit(fd);
    } catch {
      setFailure({ ok: false, message: "evidence.form.failed" });
      return;
    }
    if (result.ok) {
      router.push(`/agreements/${result.value.agreementId}#event-${result.value.eventId}`);
      router.refresh();
      return;
    }
    setFailure(result);
    setDuplicates(result.duplicates ?? []);
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(path as Path<V>, { type: "server", message: messages[0] });
    }
    if (typeof window !== "undefined") document.getElementById("form-alert")?.focus();
  });

  return { files, setFiles, failure, duplicates, clearDuplicates, onSubmit };
}
