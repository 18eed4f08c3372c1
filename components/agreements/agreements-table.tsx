"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useDateFormat } from "@/components/ui/use-date-format";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useTransition } from "react";
import type { AgreementListRow, AgreementPage } from "@/lib/agreements/list";
import {
  agreementQueryToParams,
  COLUMN_IDS,
  DEFAULT_QUERY,
  PAGE_SIZES,
  type AgreementQuery,
  type ColumnId,
  type SortKey,
} from "@/lib/agreements/query-params";
import { publicAgreementPath } from "@/lib/public/slug";
import { PartialDateText } from "./partial-date-text";
import { StatusBadge } from "./status-badge";
import { TableToolbar, type FilterOptions } from "./table-toolbar";
import { SortHeader } from "@/components/ui/sort-header";
import styles from "./agreements-table.module.css";

interface Props {
  data: AgreementPage;
  query: AgreementQuery;
  options: FilterOptions;
  /** The public register (/avtal): public record links, no source count, downloads from /data. */
  publicView?: boolean;
}

const PUBLIC_HIDDEN: ColumnId[] = ["sources"];

const helper = createColumnHelper<AgreementListRow>();

function apply<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

/**
 * The agreements table (TanStack Table in manual mode): the server has already searched,
 * filtered, sorted and paged; every change here becomes a new URL, which the server answers.
 */
export function AgreementsTable({ data, query, options, publicView = false }: Props) {
  const basePath = publicView ? "/avtal" : "/agreements";
  const t = useTranslations();
  const format = useFormatter();
  const dates = useDateFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const navigate = useCallback(
    (patch: Partial<AgreementQuery>, mode: "push" | "replace" = "push") => {
      const params = agreementQueryToParams({ ...query, ...patch }).toString();
      const href = params ? `${basePath}?${params}` : basePath;
      startTransition(() => (mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false })));
    },
    [query, router, basePath],
  );

  const columns = useMemo(
    () => [
      helper.accessor("swedishName", {
        id: "swedish",
        header: () => t("registry.columns.swedish"),
        cell: ({ row: { original: r } }) => (
          <Link href={publicView ? publicAgreementPath({ id: r.id, kind: r.kind, swedishName: r.swedishName, foreignName: r.foreignName }) : `/agreements/${r.id}`} className={styles.primaryLink}>
            {r.swedishName}
            <span className="visually-hidden">
              {" "}
              – {r.foreignName}, {t(`kind.${r.kind}`)}
            </span>
          </Link>
        ),
      }),
      helper.accessor("swedishKind", { id: "swedishKind", header: () => t("registry.columns.swedishKind"), cell: (c) => t(`registry.orgKindShort.${c.getValue()}`) }),
      helper.accessor("countyName", { id: "county", header: () => t("registry.columns.county"), cell: (c) => c.getValue() }),
      helper.accessor("foreignName", {
        id: "foreign",
        header: () => t("registry.columns.foreign"),
        cell: ({ row: { original: r } }) => (
          <>
            {r.foreignName}
            {r.foreignNameNative && (
              <span className={`native muted ${styles.native}`} lang="zh">
                {r.foreignNameNative}
              </span>
            )}
          </>
        ),
      }),
      helper.accessor("provinceName", {
        id: "province",
        header: () => t("registry.columns.province"),
        cell: ({ row: { original: r } }) =>
          r.provinceName ? (
            <>
              {r.provinceName}
              {r.provinceNameNative && (
                <span className={`native muted ${styles.native}`} lang="zh">
                  {r.provinceNameNative}
                </span>
              )}
            </>
          ) : null,
      }),
      helper.accessor("kind", { id: "kind", header: () => t("registry.columns.kind"), cell: (c) => t(`kind.${c.getValue()}`) }),
      helper.accessor("designation", {
        id: "designation",
        header: () => t("registry.columns.designation"),
        cell: (c) => <span className={styles.designation}>{c.getValue()}</span>,
      }),
      helper.accessor("establishedOn", {
        id: "established",
        header: () => t("registry.columns.established"),
        cell: ({ row: { original: r } }) => <PartialDateText on={r.establishedOn} precision={r.establishedPrecision} />,
      }),
      helper.accessor("status", {
        id: "status",
        header: () => t("registry.columns.status"),
        cell: ({ row: { original: r } }) => (
          <span className={styles.status}>
            <StatusBadge status={r.status} />
            {r.status && r.statusOn && (
              <span className="muted">
                <PartialDateText on={r.statusOn} precision={r.statusPrecision} />
              </span>
            )}
          </span>
        ),
      }),
      helper.accessor("lastChangedAt", {
        id: "lastChange",
        header: () => t("registry.columns.lastChange"),
        cell: (c) => (
          <time dateTime={c.getValue()} className={styles.nowrap}>
            {dates.momentDay(new Date(c.getValue()))}
          </time>
        ),
      }),
      helper.accessor("lastConfirmedAt", {
        id: "confirmed",
        header: () => t("registry.columns.confirmed"),
        cell: ({ row: { original: r } }) =>
          r.lastConfirmedAt ? (
            <span className={styles.nowrap} title={r.lastConfirmedBy ?? undefined}>
              <time dateTime={r.lastConfirmedAt}>{dates.momentDay(new Date(r.lastConfirmedAt))}</time>
            </span>
          ) : (
            <span className="muted">{t("confirm.neverShort")}</span>
          ),
      }),
      helper.accessor("sourceCount", {
        id: "sources",
        header: () => t("registry.columns.sources"),
        cell: (c) => format.number(c.getValue()),
        meta: { numeric: true },
      }),
    ],
    [t, format, dates, publicView],
  );

  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];
  const columnVisibility: VisibilityState = Object.fromEntries([...query.hide, ...(publicView ? PUBLIC_HIDDEN : [])].map((c) => [c, false]));
  const pages = Math.max(1, Math.ceil(data.total / data.size));

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table manages its own state; nothing here is memoised by the compiler
  const table = useReactTable({
    data: data.rows,
    columns,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    rowCount: data.total,
    state: { sorting, columnVisibility, pagination: { pageIndex: data.page - 1, pageSize: data.size } },
    onSortingChange: (updater) => {
      const [next] = apply(updater, sorting);
      navigate({ sort: (next?.id as SortKey) ?? DEFAULT_QUERY.sort, dir: next?.desc ? "desc" : "asc", page: 1 });
    },
    onColumnVisibilityChange: (updater) => {
      const next = apply(updater, columnVisibility);
      navigate({ hide: COLUMN_IDS.filter((c) => next[c] === false) }, "replace");
    },
    onPaginationChange: (updater) => {
      const next = apply(updater, { pageIndex: data.page - 1, pageSize: data.size });
      navigate(next.pageSize !== data.size ? { size: next.pageSize, page: 1 } : { page: next.pageIndex + 1 });
    },
  });

  const from = data.total === 0 ? 0 : (data.page - 1) * data.size + 1;
  const to = Math.min(data.total, data.page * data.size);
  const columnLabel = (id: ColumnId) => t(`registry.columns.${id}`);

  return (
    <div className={styles.wrap}>
      <TableToolbar
        query={query}
        options={options}
        total={data.total}
        navigate={navigate}
        columns={COLUMN_IDS.filter((id) => !publicView || !PUBLIC_HIDDEN.includes(id)).map((id) => ({ id, label: columnLabel(id), visible: table.getColumn(id)?.getIsVisible() ?? true }))}
        downloads={publicView ? "/data" : undefined}
        setColumnVisible={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)}
      />

      <p className={styles.summary} role="status" aria-live="polite">
        {pending ? t("registry.table.pending") : data.total === 0 ? t("registry.table.noResults") : t("registry.table.showing", { from: format.number(from), to: format.number(to), total: format.number(data.total) })}
      </p>

      <div className={`table-wrap ${styles.tableWrap}`} aria-busy={pending}>
        <table className={`data ${styles.table}`} data-testid="agreements-table">
          <caption className="visually-hidden">{t("registry.table.caption", { page: data.page, pages })}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortHeader key={header.id} header={header} compact className={(header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? "num" : undefined} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? "num" : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {data.rows.length === 0 && (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className={styles.empty}>
                  {t("registry.table.noResults")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <nav className={styles.pagination} aria-label={t("registry.table.pagination")}>
        <label className={styles.pageSize}>
          {t("registry.table.pageSize")}
          <select value={data.size} onChange={(e) => table.setPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.pageButtons}>
          <button type="button" className="btn btn--small" onClick={() => table.setPageIndex(0)} disabled={data.page <= 1} aria-label={t("registry.table.first")}>
            «
          </button>
          <button type="button" className="btn btn--small" onClick={() => table.previousPage()} disabled={data.page <= 1}>
            ‹ {t("registry.table.previous")}
          </button>
          <span className={styles.pageOf}>{t("registry.table.page", { page: format.number(data.page), pages: format.number(pages) })}</span>
          <button type="button" className="btn btn--small" onClick={() => table.nextPage()} disabled={data.page >= pages}>
            {t("registry.table.next")} ›
          </button>
          <button type="button" className="btn btn--small" onClick={() => table.setPageIndex(pages - 1)} disabled={data.page >= pages} aria-label={t("registry.table.last")}>
            »
          </button>
        </div>
      </nav>
    </div>
  );
}
