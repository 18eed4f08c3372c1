import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { FieldClaims } from "@/lib/claims/list";
import type { FormResult } from "@/lib/validation/form-result";
import { PreferClaimForm } from "./prefer-claim-form";
import styles from "./evidence.module.css";

/** What the sources say about the agreement's fields; conflicts flagged; the preferred claim with its reason. */
export function ClaimsPanel({
  agreementId,
  claims,
  canPrefer,
  canCreate,
  prefer,
}: {
  agreementId: string;
  claims: FieldClaims[];
  canPrefer: boolean;
  canCreate: boolean;
  prefer: (input: { claimId: string; reason: string }) => Promise<FormResult<{ id: number }>>;
}) {
  const t = useTranslations();
  const dates = useDateFormat();
  const at = (d: Date) => dates.momentDay(d);
  return (
    <div className="card" data-testid="claims">
      <h3>{t("claims.title")}</h3>
      {claims.length === 0 && <p className="muted">{t("claims.intro")}</p>}
      {claims.map((f) => (
        <section key={f.field} className={styles.claimField} aria-labelledby={`claims-${f.field}`} data-testid="claim-field">
          <div className={styles.claimHead}>
            <h4 id={`claims-${f.field}`}>{t(`claims.field.${f.field}`)}</h4>
            <span className={`badge ${f.conflict ? styles.badgeConflict : styles.badgeAgree}`}>{t(f.conflict ? "claims.conflict" : "claims.agree")}</span>
          </div>
          <ul className={styles.claims}>
            {f.claims.map((c) => {
              const preferred = f.preferred?.claimId === c.id;
              return (
                <li key={c.id} data-preferred={preferred} data-testid="claim" data-value={c.value}>
                  <span className={styles.claimValue}>{c.value}</span>
                  {preferred && <span className={`badge ${styles.badgeAgree}`}>{t("claims.preferred")}</span>}{" "}
                  <Link href={`/sources/${c.source.id}`}>{c.source.title ?? c.source.citation.slice(0, 90)}</Link>
                  {c.page && <span className="muted"> ({t("agreement.page", { page: c.page })})</span>}
                  {c.quote && <blockquote>”{c.quote}”</blockquote>}
                  {preferred && f.preferred && (
                    <p className="muted" style={{ margin: "0.2rem 0 0" }}>
                      {t("claims.preferredBy", { name: f.preferred.decidedByName, at: at(f.preferred.decidedAt), reason: f.preferred.reason })}
                    </p>
                  )}
                  {!preferred && canPrefer && <PreferClaimForm claimId={c.id} value={c.value} prefer={prefer} />}
                </li>
              );
            })}
          </ul>
          {!f.preferred && f.conflict && <p className="muted">{t("claims.noPreference")}</p>}
          {f.preferred && f.recordValue !== null && f.preferred.value !== f.recordValue && (
            <p className="alert alert--info" style={{ marginTop: "0.5rem" }}>
              {t("claims.recordDiffers", { record: f.recordValue, preferred: f.preferred.value })}
            </p>
          )}
          {f.earlierPreferences.length > 0 && (
            <details>
              <summary>{t("claims.earlier")}</summary>
              <ul>
                {f.earlierPreferences.map((p, i) => (
                  <li key={i}>
                    {p.value}: {t("claims.preferredBy", { name: p.decidedByName, at: at(p.decidedAt), reason: p.reason })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      ))}
      {canCreate && (
        <p style={{ marginBottom: 0 }}>
          <Link href={`/agreements/${agreementId}/claims/new`}>{t("claims.add")}</Link>
        </p>
      )}
    </div>
  );
}
