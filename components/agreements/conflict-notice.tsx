"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Conflict } from "@/lib/agreements/update";
import { useFieldValue } from "./field-value";
import styles from "./agreement-form.module.css";

/** Shown when an edit was based on an old version: what changed meanwhile, theirs against yours. */
export function ConflictNotice({
  conflict,
  when,
  onKeepMine,
  discardHref,
  pending,
}: {
  conflict: Conflict;
  when: string;
  onKeepMine: () => void;
  discardHref: string;
  pending: boolean;
}) {
  const t = useTranslations();
  const show = useFieldValue();
  return (
    <section id="conflict" className={`alert alert--warning ${styles.conflict}`} role="alert" tabIndex={-1} aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t("registry.form.conflictTitle")}</h2>
      <p>
        {conflict.changedBy
          ? t("registry.form.conflictIntro", { name: conflict.changedBy, version: conflict.currentVersion, at: when })
          : t("registry.form.conflictIntroUnknown", { version: conflict.currentVersion })}
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("registry.form.conflictField")}</th>
            <th scope="col">{t("registry.form.conflictTheirs")}</th>
            <th scope="col">{t("registry.form.conflictYours")}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.changes.map((c) => (
            <tr key={c.field}>
              <th scope="row">{t(`registry.fields.${c.field}`)}</th>
              <td>{show(c.field, c.theirs)}</td>
              <td>{show(c.field, c.yours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t("registry.form.keepMineHint")}</p>
      <div className="btn-row">
        <button type="button" className="btn btn--primary" onClick={onKeepMine} disabled={pending}>
          {t("registry.form.keepMine", { version: conflict.currentVersion })}
        </button>
        <Link className="btn" href={discardHref}>
          {t("registry.form.discardMine")}
        </Link>
      </div>
    </section>
  );
}
