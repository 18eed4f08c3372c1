"use client";

import { flexRender, type Header } from "@tanstack/react-table";
import styles from "./sort-header.module.css";

/**
 * A sortable column's header cell: a button that toggles the column's sort, an arrow for its
 * state, and aria-sort for screen readers. Shared by the registry table and the drill-down.
 */
export function SortHeader<T>({ header, className, compact = false }: { header: Header<T, unknown>; className?: string; compact?: boolean }) {
  const sorted = header.column.getIsSorted();
  return (
    <th scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined} className={[styles.th, className].filter(Boolean).join(" ")}>
      <button type="button" className={compact ? `${styles.sortButton} ${styles.compact}` : styles.sortButton} onClick={header.column.getToggleSortingHandler()}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span aria-hidden="true" className={sorted ? styles.sortOn : styles.sortOff}>
          {sorted === "desc" ? "▼" : sorted === "asc" ? "▲" : "↕"}
        </span>
      </button>
    </th>
  );
}
