"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CheckMenu } from "@/components/ui/check-menu";
import { AGREEMENT_KINDS, EVENT_STATUSES, REASONS, SWEDISH_ORG_KINDS } from "@/lib/domain/enums";
import { stateAfter } from "@/lib/domain/status";
import { agreementQueryToParams, STATUS_FILTERS, type AgreementQuery, type ColumnId, type StatusFilter } from "@/lib/agreements/query-params";
import styles from "./agreements-table.module.css";

export interface FilterOptions {
  counties: { code: string; name: string }[];
  provinces: { id: string; name: string; nameNative: string | null }[];
}

interface Props {
  query: AgreementQuery;
  options: FilterOptions;
  total: number;
  navigate: (patch: Partial<AgreementQuery>, mode?: "push" | "replace") => void;
  columns: { id: ColumnId; label: string; visible: boolean }[];
  setColumnVisible: (id: ColumnId, visible: boolean) => void;
  /** Where the downloads are instead of the view's export (the public register: /data). */
  downloads?: string;
}

const SEARCH_DELAY_MS = 350;

function yearOrNull(text: string): number | null {
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Search, filters (each a menu of checkboxes), the active filters as removable chips, columns and export. */
export function TableToolbar({ query, options, total, navigate, columns, setColumnVisible, downloads }: Props) {
  const t = useTranslations();

  // The search box follows the URL (back button, shared link) unless the person is typing.
  const [text, setText] = useState(query.q);
  const [shownQ, setShownQ] = useState(query.q);
  if (query.q !== shownQ) {
    setShownQ(query.q);
    setText(query.q);
  }
  useEffect(() => {
    if (text.trim() === query.q.trim()) return;
    const timer = setTimeout(() => navigate({ q: text, page: 1 }, "replace"), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, query.q, navigate]);

  const [from, setFrom] = useState(query.from?.toString() ?? "");
  const [to, setTo] = useState(query.to?.toString() ?? "");
  const [shownRange, setShownRange] = useState(`${query.from}-${query.to}`);
  if (`${query.from}-${query.to}` !== shownRange) {
    setShownRange(`${query.from}-${query.to}`);
    setFrom(query.from?.toString() ?? "");
    setTo(query.to?.toString() ?? "");
  }
  const applyRange = () => {
    const f = yearOrNull(from);
    const tt = yearOrNull(to);
    if (f !== query.from || tt !== query.to) navigate({ from: f, to: tt, page: 1 });
  };

  const label = {
    status: (v: string) => (v === "none" ? t("registry.filters.none") : t(`state.${v}`)),
    kind: (v: string) => t(`kind.${v}`),
    swedishKind: (v: string) => t(`orgKind.${v}`),
    county: (v: string) => options.counties.find((c) => c.code === v)?.name ?? v,
    province: (v: string) => options.provinces.find((p) => p.id === v)?.name ?? v,
    reason: (v: string) => t(`reason.${v}`),
  };
  // A state that several recorded statuses lead to says which (the badges in the table show the status itself).
  const statusGroupHint = (v: StatusFilter) => {
    const members = EVENT_STATUSES.filter((s) => v !== "none" && stateAfter(s) === v);
    return members.length > 1 ? t("registry.filters.includes", { statuses: members.map((s) => t(`status.${s}`)).join(", ") }) : undefined;
  };
  type ListKey = keyof typeof label;
  const menus: { key: ListKey; title: string; values: { value: string; label: string; lang?: string }[] }[] = [
    {
      key: "status",
      title: t("registry.filters.status"),
      values: STATUS_FILTERS.map((v) => ({ value: v, label: label.status(v), hint: statusGroupHint(v) })),
    },
    { key: "kind", title: t("registry.filters.kind"), values: AGREEMENT_KINDS.map((v) => ({ value: v, label: label.kind(v) })) },
    { key: "swedishKind", title: t("registry.filters.swedishKind"), values: SWEDISH_ORG_KINDS.map((v) => ({ value: v, label: label.swedishKind(v) })) },
    { key: "county", title: t("registry.filters.county"), values: options.counties.map((c) => ({ value: c.code, label: c.name })) },
    {
      key: "province",
      title: t("registry.filters.province"),
      values: options.provinces.map((p) => ({ value: p.id, label: p.nameNative ? `${p.name} ${p.nameNative}` : p.name })),
    },
    { key: "reason", title: t("registry.filters.reason"), values: REASONS.map((v) => ({ value: v, label: label.reason(v) })) },
  ];

  const chips: { key: string; text: string; remove: () => void }[] = [
    ...menus.flatMap((m) =>
      query[m.key].map((v) => ({
        key: `${m.key}:${v}`,
        text: `${m.title}: ${label[m.key](v)}`,
        remove: () => navigate({ [m.key]: (query[m.key] as string[]).filter((x) => x !== v), page: 1 }),
      })),
    ),
    ...(query.from != null
      ? [{ key: "from", text: `${t("registry.filters.established")}: ${t("registry.filters.rangeFrom", { year: query.from })}`, remove: () => navigate({ from: null, page: 1 }) }]
      : []),
    ...(query.to != null
      ? [{ key: "to", text: `${t("registry.filters.established")}: ${t("registry.filters.rangeTo", { year: query.to })}`, remove: () => navigate({ to: null, page: 1 }) }]
      : []),
    ...(query.unconfirmed ? [{ key: "unconfirmed", text: t("confirm.filterStale"), remove: () => navigate({ unconfirmed: false, page: 1 }) }] : []),
  ];

  const exportParams = agreementQueryToParams(query, { paging: false, columns: false }).toString();
  const exportHref = (format: "csv" | "json") => `/api/agreements/export?format=${format}${exportParams ? `&${exportParams}` : ""}`;

  return (
    <div className={styles.toolbar}>
      <form
        role="search"
        className={styles.searchRow}
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() !== query.q.trim()) navigate({ q: text, page: 1 });
        }}
      >
        <label htmlFor="agreement-search" className={styles.searchLabel}>
          {t("registry.table.search")}
        </label>
        <input
          id="agreement-search"
          type="search"
          className={styles.search}
          value={text}
          placeholder={t("registry.table.searchPlaceholder")}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </form>

      <div className={styles.filterRow}>
        <span className={styles.filterTitle} id="filters-title">
          {t("registry.table.filters")}
        </span>
        <div className={styles.menus} role="group" aria-labelledby="filters-title">
          {menus.map((m) => (
            <CheckMenu
              key={m.key}
              label={m.title}
              options={m.values}
              selected={query[m.key]}
              badge={query[m.key].length ? String(query[m.key].length) : undefined}
              onChange={(values) => navigate({ [m.key]: values, page: 1 })}
            />
          ))}
          <fieldset className={styles.range}>
            <legend className="visually-hidden">{t("registry.filters.established")}</legend>
            <span className={styles.rangeLabel} aria-hidden="true">
              {t("registry.filters.established")}
            </span>
            <label>
              <span className="visually-hidden">{t("registry.filters.from")}</span>
              <input
                inputMode="numeric"
                pattern="\d{4}"
                maxLength={4}
                placeholder={t("registry.filters.fromPlaceholder")}
                aria-label={t("registry.filters.from")}
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                onBlur={applyRange}
                onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), applyRange())}
              />
            </label>
            <span aria-hidden="true">–</span>
            <label>
              <span className="visually-hidden">{t("registry.filters.to")}</span>
              <input
                inputMode="numeric"
                pattern="\d{4}"
                maxLength={4}
                placeholder={t("registry.filters.toPlaceholder")}
                aria-label={t("registry.filters.to")}
                value={to}
                onChange={(e) => setTo(e.target.value)}
                onBlur={applyRange}
                onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), applyRange())}
              />
            </label>
          </fieldset>
          <label className={styles.toggle}>
            <input type="checkbox" checked={query.unconfirmed} onChange={(e) => navigate({ unconfirmed: e.target.checked, page: 1 })} /> {t("confirm.filterStale")}
          </label>
        </div>
        <div className={styles.rightTools}>
          <CheckMenu
            label={t("registry.table.columns")}
            align="end"
            highlight={false}
            options={columns.map((c) => ({ value: c.id, label: c.label }))}
            selected={columns.filter((c) => c.visible).map((c) => c.id)}
            onChange={(values) => {
              for (const c of columns) if (values.includes(c.id) !== c.visible) setColumnVisible(c.id, values.includes(c.id));
            }}
          />
          {downloads ? (
            <a className="btn" href={downloads}>
              {t("publish.register.downloads")}
            </a>
          ) : (
            <>
            <a className="btn" href={exportHref("csv")} download data-testid="export-csv">
              {t("registry.table.exportCsv")}
            </a>
            <a className="btn" href={`${exportHref("csv")}&labels=1&delimiter=semicolon`} download data-testid="export-excel">
              {t("imports.exportExcel")}
            </a>
            <a className="btn" href={exportHref("json")} download data-testid="export-json">
              {t("registry.table.exportJson")}
            </a>
            </>
          )}
        </div>
      </div>

      {chips.length > 0 && (
        <ul className={styles.chips} aria-label={t("registry.table.filters")}>
          {chips.map((c) => (
            <li key={c.key}>
              <button type="button" className={styles.chip} onClick={c.remove} aria-label={t("registry.table.removeFilter", { label: c.text })}>
                {c.text} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className={`btn btn--small ${styles.clear}`}
              onClick={() => {
                setText("");
                navigate({ q: "", status: [], kind: [], swedishKind: [], county: [], province: [], reason: [], from: null, to: null, unconfirmed: false, page: 1 });
              }}
            >
              {t("registry.table.clearAll")}
            </button>
          </li>
        </ul>
      )}
      <p className="visually-hidden">{t("registry.table.exportHint", { count: total })}</p>
    </div>
  );
}
