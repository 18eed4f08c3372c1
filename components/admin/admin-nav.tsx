"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import styles from "./admin.module.css";

const LINKS = [
  { href: "/admin/users", key: "admin.usersTitle" },
  { href: "/admin/audit", key: "audit.title" },
  { href: "/admin/settings", key: "settings.title" },
  { href: "/admin/outbox", key: "outbox.title" },
] as const;

export function AdminNav({ label }: { label: string }) {
  const t = useTranslations();
  const path = usePathname();
  return (
    <nav aria-label={label} className={styles.subnav}>
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={path.startsWith(l.href) ? "page" : undefined}>
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
