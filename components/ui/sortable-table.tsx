"use client";

import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from "@tanstack/react-table";
import { useLocale } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { SortHeader } from "./sort-header";

export interface SortableColumn {
  id: string;
  header: string;
  /** e.g. a width class for the column's <col>. */
  className?: string;
}

/** One row: cells already drawn (on the server), and the value each column sorts it by (null: last, whichever the direction). */
export interface SortableRow {
  key: string;
  cells: Record<string, ReactNode>;
  sort: Record<string, string | number | null>;
}

interface Props {
  columns: SortableColumn[];
  rows: SortableRow[];
  /** The column the rows arrive sorted by (ascending), marked as such until the reader sorts. */
  initialSort?: string;
  className?: string;
  testId?: string;
  rowTestId?: string;
  caption?: string;
}

/**
 * A table the reader sorts by clicking a column's header (TanStack Table, sorting in the browser
 * over the rows it was given): the header says the direction with aria-sort, text sorts in the
 * page's language (å, ä, ö after z in Swedish), numbers as numbers.
 */
export function SortableTable({ columns, rows, initialSort, className, testId, rowTestId, caption }: Props) {
  const locale = useLocale();
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort, desc: false }] : []);
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: "base" }), [locale]);
  const defs = useMemo<ColumnDef<SortableRow>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (r) => r.sort[c.id] ?? undefined,
        cell: ({ row }) => row.original.cells[c.id],
        sortUndefined: "last",
        sortingFn: (a, b, id) => {
          const x = a.getValue<string | number>(id);
          const y = b.getValue<string | number>(id);
          return typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
        },
      })),
    [columns, collator],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table manages its own state; nothing here is memoised by the compiler
  const table = useReactTable({
    data: rows,
    columns: defs,
    getRowId: (r) => r.key,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <table className={className} data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <colgroup>
        {columns.map((c) => (
          <col key={c.id} className={c.className} />
        ))}
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortHeader key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-testid={rowTestId}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
