"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";

export interface NavItem {
  href: string;
  label: string;
  /** Extra path prefixes that belong to this item (e.g. /agreements/… under Avtal). */
  also?: string[];
}

/** Whether `path` is the item's page or one of its sub-pages. */
export function isCurrent(path: string, item: NavItem): boolean {
  return [item.href, ...(item.also ?? [])].some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * The main navigation and the user's corner. On wide screens one row; on narrow ones a
 * disclosure button (aria-expanded) shows and hides both. The current page is marked with
 * aria-current, so screen readers and the underline agree.
 */
export function HeaderNav({
  items,
  navLabel,
  menuLabel,
  children,
}: {
  items: NavItem[];
  navLabel: string;
  menuLabel: string;
  children: React.ReactNode;
}) {
  const path = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  // A followed link closes the menu; the pathname is the signal.
  const [seenPath, setSeenPath] = useState(path);
  if (seenPath !== path) {
    setSeenPath(path);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  const current = items.find((item) => isCurrent(path, item));
  return (
    <>
      <button
        type="button"
        className="app-header__toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="app-header__burger" />
        {menuLabel}
      </button>
      <div id={menuId} className="app-header__menu" data-open={open ? "true" : "false"}>
        <nav aria-label={navLabel}>
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item === current ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </>
  );
}

/** A single link that marks itself when it is the current page or one of its sub-pages. */
export function NavLink({ href, className, children, ...rest }: { href: string; className?: string; children: React.ReactNode; "aria-label"?: string }) {
  const path = usePathname();
  return (
    <Link href={href} className={className} aria-current={isCurrent(path, { href, label: "" }) ? "page" : undefined} {...rest}>
      {children}
    </Link>
  );
}
