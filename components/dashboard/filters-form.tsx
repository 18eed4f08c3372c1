import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DashboardLookups } from "@/lib/dashboard/page-data";
import { AGREEMENT_KINDS, SWEDISH_ORG_KINDS } from "@/lib/domain/enums";
import { DateInput } from "@/components/ui/date-input";
import styles from "./dashboard.module.css";

interface Props {
  /** The values as typed (kept as they are when they are refused). */
  values: Record<string, string>;
  errors: Record<string, string>;
  lookups: DashboardLookups;
  action: string;
  /** Extra parameters to keep (the drill-down's cell). */
  hidden?: Record<string, string>;
  /** What an empty field means (the resolved defaults), shown as placeholders. */
  placeholders?: Record<string, string>;
}

/** The dashboard's filters and time travel, as a GET form: the whole view lives in the URL. */
export async function FiltersForm({ values, errors, lookups, action, hidden = {}, placeholders = {} }: Props) {
  const t = await getTranslations();
  const field = (name: string, label: string, input: React.ReactNode, help?: string) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      {input}
      {help && (
        <span id={`f-${name}-help`} className={styles.help}>
          {help}
        </span>
      )}
      {errors[name] && (
        <span id={`f-${name}-error`} className="field-error">
          {t(errors[name] as never)}
        </span>
      )}
    </div>
  );
  const describedBy = (name: string, help = false) => [help ? `f-${name}-help` : "", errors[name] ? `f-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const text = (name: string, type: "number" | "date", help?: string) => {
    const common = {
      id: `f-${name}`,
      name,
      defaultValue: values[name] ?? "",
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": describedBy(name, !!help),
    };
    return type === "date" ? <DateInput {...common} /> : <input {...common} type="number" placeholder={placeholders[name]} min={1900} max={2100} step={1} />;
  };
  const select = (name: string, options: { value: string; label: string }[]) => (
    <select id={`f-${name}`} name={name} defaultValue={values[name] ?? ""} aria-invalid={errors[name] ? true : undefined} aria-describedby={describedBy(name)}>
      <option value="">{t("dashboard.filters.any")}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <form method="get" action={action} className="card" aria-labelledby="dashboard-filters" noValidate>
      <h2 id="dashboard-filters" className="visually-hidden">
        {t("dashboard.filters.legend")}
      </h2>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className={styles.filters}>
        {field("from", t("dashboard.filters.from"), text("from", "number"))}
        {field("to", t("dashboard.filters.to"), text("to", "number"))}
        {field("asOf", t("dashboard.filters.asOf"), text("asOf", "date", "h"), t("dashboard.filters.asOfHelp"))}
        {field("recordedOn", t("dashboard.filters.recordedOn"), text("recordedOn", "date", "h"), t("dashboard.filters.recordedOnHelp"))}
        {field(
          "kind",
          t("dashboard.filters.kind"),
          select(
            "kind",
            AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ),
        )}
        {field(
          "partyType",
          t("dashboard.filters.partyType"),
          select(
            "partyType",
            SWEDISH_ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })),
          ),
        )}
        {field(
          "county",
          t("dashboard.filters.county"),
          select(
            "county",
            lookups.counties.map((c) => ({ value: c.code, label: c.name })),
          ),
        )}
        {field(
          "province",
          t("dashboard.filters.province"),
          select(
            "province",
            lookups.provinces.map((p) => ({ value: p.id, label: p.nameNative ? `${p.name} ${p.nameNative}` : p.name })),
          ),
        )}
        <div className={styles.filterActions}>
          <button type="submit" className="btn btn--primary">
            {t("dashboard.filters.show")}
          </button>
          <Link href={action} className="btn">
            {t("dashboard.filters.reset")}
          </Link>
        </div>
      </div>
    </form>
  );
}
