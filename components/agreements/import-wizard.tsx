"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/import/columns";
import type { ImportPlan, RowIssue, RowPlan } from "@/lib/import/plan";
import type { ImportJobSummary, ImportJobView } from "@/lib/import/jobs";
import styles from "./import-wizard.module.css";

type PublicRow = Omit<RowPlan, "input">;
type PublicPlan = Omit<ImportPlan, "rows"> & { rows: PublicRow[] };
interface FileInfo {
  encoding: string;
  delimiter: string;
  ignored: string[];
  parseErrors: { row: number; message: string }[];
  rows: number;
}

type State =
  | { step: "choose"; error?: string }
  | { step: "checking"; fileName: string }
  | { step: "preview"; file: File; info: FileInfo; plan: PublicPlan }
  | { step: "importing"; fileName: string; done: number; total: number; phase: string | null }
  | { step: "done"; result: ImportJobSummary }
  | { step: "failed"; message: string; plan?: PublicPlan };

const SHOWN_ROWS = 300;

const TEMPLATE = `swedish_party,foreign_party,foreign_party_native,foreign_party_province,kind,established,designation,funding,areas,notes,status,status_date,source
Kiruna,Xiaogan,孝感市,Hubei,twin_city,2019-05,Vänortsavtal,,utbildning; kultur,,active,2019-05-14,https://www.kiruna.se/protokoll
`;

const POLL_MS = 1000;

/**
 * Import of agreements from CSV: the server reads the file and checks every row, shown with its
 * errors before anything is written; the import itself runs as a background job, all or
 * nothing, whose progress this page follows (its address names the job, so the user can leave
 * and come back).
 */
export function ImportWizard({ jobId }: { jobId?: string }) {
  const t = useTranslations();
  const inputId = useId();
  const [state, setState] = useState<State>(jobId ? { step: "importing", fileName: "", done: 0, total: 0, phase: null } : { step: "choose" });
  const [job, setJob] = useState<string | undefined>(jobId);
  const [onlyErrors, setOnlyErrors] = useState(true);

  const issueText = (issue: RowIssue) => {
    const key = `registry.import.issues.${issue.code}`;
    const values = { column: issue.column ?? "", value: issue.value ?? "" };
    const text = t.has(key) ? t(key, values) : t("registry.import.issues.unknown", values);
    const hints: string[] = [];
    if (issue.suggestions?.length && issue.code.endsWith("NotFound")) hints.push(t("imports.didYouMean", { names: issue.suggestions.join(", ") }));
    if (issue.suggestions?.length && issue.code.endsWith("Ambiguous")) hints.push(t("imports.candidates", { names: issue.suggestions.join(", ") }));
    if (t.has(`imports.howTo.${issue.code}`)) hints.push(t(`imports.howTo.${issue.code}`));
    return hints.length ? `${text}. ${hints.join(" ")}` : text;
  };

  const refusalText = (body: { message?: string; values?: Record<string, string | number> }) =>
    body.message && t.has(body.message) ? t(body.message, { max: MAX_IMPORT_ROWS, ...body.values }) : t("registry.import.failed");

  /** The server reads the file (it detects the encoding and the delimiter) and checks every row. */
  const check = async (file: File) => {
    setState({ step: "checking", fileName: file.name });
    try {
      const form = new FormData();
      form.set("mode", "preview");
      form.set("file", file);
      const response = await fetch("/api/agreements/import", { method: "POST", body: form });
      const body = await response.json();
      if (!response.ok) return setState({ step: "choose", error: refusalText(body) });
      const { file: info, plan } = body as { file: FileInfo; plan: PublicPlan };
      setOnlyErrors(plan.counts.error + info.parseErrors.length > 0);
      setState({ step: "preview", file, info, plan });
    } catch {
      setState({ step: "choose", error: t("registry.import.failed") });
    }
  };

  const follow = useCallback(
    (id: string) => {
      const apply = (view: ImportJobView): boolean => {
        const fileName = view.fileName ?? "";
        if (view.status === "queued" || view.status === "running") {
          setState({ step: "importing", fileName, done: view.done, total: view.total, phase: view.phase });
          return false;
        }
        const result = view.result as { message?: string; plan?: PublicPlan } | null;
        if (view.status === "done") setState({ step: "done", result: view.result as ImportJobSummary });
        else if (view.status === "invalid") setState({ step: "failed", message: t("registry.import.hasErrors"), plan: result?.plan });
        else if (view.status === "conflict") setState({ step: "failed", message: t("imports.changedMeanwhile") });
        else setState({ step: "failed", message: t("registry.import.failed") });
        return true;
      };
      let stopped = false;
      const poll = async () => {
        if (stopped) return;
        try {
          const response = await fetch(`/api/agreements/import/${id}`, { cache: "no-store" });
          if (response.status === 404) return setState({ step: "failed", message: t("imports.jobNotFound") });
          if (response.ok && apply((await response.json()) as ImportJobView)) return;
        } catch {
          // The server may be busy writing; ask again.
        }
        setTimeout(poll, POLL_MS);
      };
      void poll();
      return () => {
        stopped = true;
      };
    },
    [t],
  );

  useEffect(() => (job ? follow(job) : undefined), [job, follow]);

  const commit = async (file: File, total: number) => {
    setState({ step: "importing", fileName: file.name, done: 0, total, phase: null });
    try {
      const form = new FormData();
      form.set("mode", "commit");
      form.set("file", file);
      const response = await fetch("/api/agreements/import", { method: "POST", body: form });
      const body = await response.json();
      if (!response.ok) return setState({ step: "failed", message: refusalText(body) });
      // The address names the job, so the user can leave the page and come back to it.
      window.history.replaceState(null, "", `?job=${body.jobId}`);
      setJob(body.jobId);
    } catch {
      setState({ step: "failed", message: t("registry.import.failed") });
    }
  };

  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`;

  return (
    <div className={styles.wizard}>
      {(state.step === "choose" || state.step === "failed") && (
        <div className="card">
          {state.step === "choose" && state.error && (
            <div className="alert alert--error" role="alert" style={{ marginBottom: "0.75rem" }}>
              {state.error}
            </div>
          )}
          {state.step === "failed" && (
            <div className="alert alert--error" role="alert" style={{ marginBottom: "0.75rem" }}>
              {state.message}
              {state.plan && state.plan.rows.length > 0 && (
                <ul className={styles.issues}>
                  {state.plan.rows.slice(0, SHOWN_ROWS).map((r) => (
                    <li key={r.row}>
                      {t("registry.import.row")} {r.row}: {r.issues.map(issueText).join("; ")}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="field">
            <label htmlFor={inputId}>{t("registry.import.file")}</label>
            <span id={`${inputId}-hint`} className="field-hint">
              {t.rich("registry.import.fileHint", { columns: () => <code>{IMPORT_COLUMNS.join(", ")}</code> })}
            </span>
            <input
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`${inputId}-hint`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void check(file);
                e.target.value = "";
              }}
            />
          </div>
          <p style={{ marginBottom: 0 }}>
            <a href={template} download="avtal-mall.csv">
              {t("registry.import.template")}
            </a>
          </p>
        </div>
      )}

      {state.step === "checking" && <ProgressBar label={`${t("registry.import.checking")}: ${state.fileName}`} />}
      {state.step === "importing" && (
        <div data-testid="import-progress">
          <ProgressBar
            label={`${t(state.phase === "writing" ? "imports.phase.writing" : state.phase === "checking" ? "imports.phase.checking" : "imports.phase.queued")}: ${state.fileName}`}
            value={state.done}
            max={Math.max(1, state.total)}
            detail={t("registry.import.progress", { done: state.done, total: state.total })}
          />
          <p className="muted">{t("imports.mayLeave")}</p>
        </div>
      )}

      {state.step === "preview" && (
        <Preview
          state={state}
          onlyErrors={onlyErrors}
          setOnlyErrors={setOnlyErrors}
          issueText={issueText}
          onCommit={() => commit(state.file, state.plan.counts.create + state.plan.counts.update)}
          onReset={() => setState({ step: "choose" })}
        />
      )}

      {state.step === "done" && (
        <section className="card" aria-labelledby="import-done" data-testid="import-result">
          <h2 id="import-done" style={{ marginTop: 0 }}>
            {t("registry.import.done")}
          </h2>
          <div className="alert alert--success" role="status">
            {t("registry.import.created", { count: state.result.counts.created })} {t("imports.updated", { count: state.result.counts.updated })}{" "}
            {t("registry.import.skipped", { count: state.result.counts.skipped })}
          </div>
          {state.result.foreignCreated.length > 0 && <p>{t("registry.import.foreignCreated", { names: state.result.foreignCreated.map((f) => f.name).join(", ") })}</p>}
          {state.result.created.length > 0 && (
            <ul className={styles.resultList}>
              {state.result.created.slice(0, SHOWN_ROWS).map((c) => (
                <li key={c.id}>
                  {t("registry.import.row")} {c.row}:{" "}
                  <Link href={`/agreements/${c.id}`}>
                    {c.swedishName} – {c.foreignName}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {state.result.skipped.length > 0 && (
            <ul className={styles.resultList}>
              {state.result.skipped.slice(0, SHOWN_ROWS).map((s) => (
                <li key={s.row}>
                  {t("registry.import.row")} {s.row}: {s.swedishName} – {s.foreignName}:{" "}
                  {s.skip.reason === "duplicateInFile" ? (
                    t("registry.import.skipReason.duplicateInFile", { row: s.skip.row })
                  ) : (
                    <Link href={`/agreements/${s.skip.agreementId}`}>{t(s.skip.reason === "unchanged" ? "imports.unchanged" : "registry.import.skipReason.exists")}</Link>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="btn-row">
            <button
              type="button"
              className="btn"
              onClick={() => {
                window.history.replaceState(null, "", window.location.pathname);
                setJob(undefined);
                setState({ step: "choose" });
              }}
            >
              {t("registry.import.another")}
            </button>
            <Link className="btn btn--primary" href="/agreements">
              {t("registry.import.toTable")}
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}

function Preview({
  state,
  onlyErrors,
  setOnlyErrors,
  issueText,
  onCommit,
  onReset,
}: {
  state: Extract<State, { step: "preview" }>;
  onlyErrors: boolean;
  setOnlyErrors: (v: boolean) => void;
  issueText: (issue: RowIssue) => string;
  onCommit: () => void;
  onReset: () => void;
}) {
  const t = useTranslations();
  const { plan } = state;
  const { parseErrors } = state.info;
  const errorCount = plan.counts.error + parseErrors.length;
  const parseErrorRows = new Map(parseErrors.map((e) => [e.row, e.message]));
  const rows = plan.rows.filter((r) => !onlyErrors || r.action === "error" || parseErrorRows.has(r.row));
  const shown = rows.filter((r) => r.action === "error" || parseErrorRows.has(r.row)).concat(rows.filter((r) => r.action !== "error" && !parseErrorRows.has(r.row)).slice(0, SHOWN_ROWS));
  shown.sort((a, b) => a.row - b.row);
  return (
    <section className="card" aria-labelledby="import-preview" data-testid="import-preview">
      <h2 id="import-preview" style={{ marginTop: 0 }}>
        {state.file.name}
      </h2>
      <p className="muted">{t("imports.file.read", { encoding: t(`imports.encoding.${state.info.encoding}`), delimiter: t(`imports.delimiter.${state.info.delimiter === "\t" ? "tab" : state.info.delimiter === ";" ? "semicolon" : "comma"}`) })}</p>
      <p role="status">
        {t("registry.import.summary", { create: plan.counts.create, skip: plan.counts.skip, error: errorCount })}
        {plan.counts.update > 0 && ` ${t("imports.updates", { count: plan.counts.update })}`}
      </p>
      {errorCount > 0 ? (
        <div className="alert alert--error" role="alert">
          {t("registry.import.hasErrors")}
        </div>
      ) : (
        <div className="alert alert--info">{t("registry.import.ready")}</div>
      )}
      {plan.newForeign.length > 0 && <p>{t("registry.import.newForeignList", { names: plan.newForeign.map((n) => n.org.name).join(", ") })}</p>}
      {state.info.ignored.length > 0 && <p className="muted">{t.rich("registry.import.ignoredColumns", { columns: () => <code>{state.info.ignored.join(", ")}</code> })}</p>}
      <label className={styles.toggle}>
        <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} /> {t("registry.import.onlyErrors")}
      </label>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("registry.import.row")}</th>
              <th scope="col">{t("registry.import.outcome")}</th>
              <th scope="col">{t("registry.columns.swedish")}</th>
              <th scope="col">{t("registry.columns.foreign")}</th>
              <th scope="col">{t("registry.columns.kind")}</th>
              <th scope="col">{t("registry.columns.established")}</th>
              <th scope="col">{t("registry.import.details")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const parseError = parseErrorRows.get(r.row);
              const action = parseError ? "error" : r.action;
              return (
                <tr key={r.row} data-testid="import-row" data-action={action} className={action === "error" ? styles.errorRow : undefined}>
                  <td className="num">{r.row}</td>
                  <td>
                    <span className={`badge ${action === "create" || action === "update" ? "badge--active" : action === "skip" ? "badge--dormant" : "badge--ended"}`}>
                      {action === "update" ? t("imports.action.update") : t(`registry.import.${action}`)}
                    </span>
                  </td>
                  <td>{r.swedishName}</td>
                  <td>
                    {r.foreignName}
                    {r.newForeign && <span className="badge badge--kind"> {t("registry.import.newForeign")}</span>}
                  </td>
                  <td>{r.kind ? t(`kind.${r.kind}`) : ""}</td>
                  <td>{r.established}</td>
                  <td>
                    {parseError && <div>{t("registry.import.parseError", { row: r.row, message: parseError })}</div>}
                    {r.issues.length > 0 && (
                      <ul className={styles.issues}>
                        {r.issues.map((i, n) => (
                          <li key={n}>{issueText(i)}</li>
                        ))}
                      </ul>
                    )}
                    {r.skip?.reason === "exists" && <Link href={`/agreements/${r.skip.agreementId}`}>{t("registry.import.skipReason.exists")}</Link>}
                    {r.skip?.reason === "unchanged" && <Link href={`/agreements/${r.skip.agreementId}`}>{t("imports.unchanged")}</Link>}
                    {r.update && (
                      <Link href={`/agreements/${r.update.id}`}>{t("imports.changedFields", { fields: r.update.changed.map((f) => t(`registry.fields.${f}`)).join(", ") })}</Link>
                    )}
                    {r.skip?.reason === "duplicateInFile" && t("registry.import.skipReason.duplicateInFile", { row: r.skip.row })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="btn-row" style={{ marginTop: "1rem" }}>
        <button type="button" className="btn btn--primary" disabled={errorCount > 0 || plan.counts.create + plan.counts.update === 0} onClick={onCommit}>
          {errorCount > 0
            ? t("imports.blocked", { count: errorCount })
            : plan.counts.create + plan.counts.update === 0
              ? t("imports.nothingToImport")
              : plan.counts.update === 0
                ? t("registry.import.start", { count: plan.counts.create })
                : t("imports.startWithUpdates", { create: plan.counts.create, update: plan.counts.update })}
        </button>
        <button type="button" className="btn" onClick={onReset}>
          {t("registry.import.chooseAnother")}
        </button>
      </div>
    </section>
  );
}
