"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { AttachFilesResult } from "@/lib/attachments/attach";
import { clientFileProblem, FileListInput } from "../events/file-list-input";
import { useUploadProblemText } from "../events/refusal-message";

/** Uploads files to a source. */
export function AttachForm({ sourceId, submit }: { sourceId: string; submit: (fd: FormData) => Promise<AttachFilesResult> }) {
  const t = useTranslations();
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const text = useUploadProblemText();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        if (files.length === 0) return setProblems([t("evidence.upload.none")]);
        if (files.some((f) => clientFileProblem(f))) return;
        startTransition(async () => {
          const fd = new FormData();
          fd.set("sourceId", sourceId);
          files.forEach((f) => fd.append("file", f, f.name));
          let result: AttachFilesResult;
          try {
            result = await submit(fd);
          } catch {
            setProblems([t("evidence.form.failed")]);
            return;
          }
          if (result.ok) {
            setDone(files.length);
            setFiles([]);
            setProblems([]);
            router.refresh();
          } else setProblems(result.uploadProblems?.map(text) ?? [t.has(result.message) ? t(result.message) : result.message]);
        });
      }}
      style={{ display: "grid", gap: "0.5rem", maxWidth: 560, marginTop: "1rem" }}
    >
      <FileListInput files={files} onChange={setFiles} problems={problems} />
      <div>
        <button type="submit" className="btn btn--primary btn--small" disabled={pending}>
          {pending ? t("evidence.form.saving") : t("evidence.upload.attachSubmit")}
        </button>{" "}
        <span role="status">{done !== null ? t("evidence.upload.attached", { count: done }) : ""}</span>
      </div>
    </form>
  );
}
