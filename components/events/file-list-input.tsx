"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ACCEPT_ATTRIBUTE, EXTENSIONS, MAX_ATTACHMENT_BYTES } from "@/lib/attachments/media-types";
import { formatBytes, formatMegabytes } from "./form-helpers";
import styles from "./forms.module.css";

const ALLOWED_ENDINGS = new Set(Object.values(EXTENSIONS).flat());

/** What the browser can tell before sending: empty, too large, or a name ending not on the list. The server checks the content. */
export function clientFileProblem(file: File): { code: string; values: Record<string, string | number> } | null {
  const values = { filename: file.name, size: formatMegabytes(file.size), max: MAX_ATTACHMENT_BYTES / 1024 / 1024 };
  if (file.size === 0) return { code: "empty", values };
  if (file.size > MAX_ATTACHMENT_BYTES) return { code: "too_large", values };
  const ext = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!ALLOWED_ENDINGS.has(ext)) return { code: "type_not_allowed", values };
  return null;
}

/** Files chosen for one source, kept by the form until it is sent. */
export function FileListInput({ files, onChange, problems }: { files: File[]; onChange: (files: File[]) => void; problems?: string[] }) {
  const t = useTranslations("evidence");
  const id = useId();
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{t("sourceEntry.files")}</label>
      <span id={`${id}-hint`} className="muted">
        {t("sourceEntry.filesHint", { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
      </span>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const chosen = [...(e.target.files ?? [])];
          onChange([...files, ...chosen]);
          e.target.value = "";
        }}
      />
      {files.length > 0 && (
        <ul className={styles.files}>
          {files.map((f, i) => {
            const problem = clientFileProblem(f);
            return (
              <li key={`${f.name}-${i}`}>
                <span>{t("sourceEntry.fileChosen", { filename: f.name, size: formatBytes(f.size) })}</span>
                <button type="button" className="btn btn--small" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                  {t("sourceEntry.removeFile", { filename: f.name })}
                </button>
                {problem && (
                  <span className="field-error" role="alert">
                    {t(`upload.${problem.code}`, problem.values)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {problems?.map((p) => (
        <span key={p} className="field-error" role="alert">
          {p}
        </span>
      ))}
    </div>
  );
}
