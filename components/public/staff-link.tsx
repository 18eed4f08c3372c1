import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";

/** For a signed-in user: the staff view of the record this public page shows. */
export async function StaffLink({ href }: { href: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const t = await getTranslations("publish");
  return (
    <Link className="btn" href={href} data-testid="staff-view-link">
      {t("nav.staffRecord")}
    </Link>
  );
}

/** For the staff pages: the public view of the same record. */
export async function PublicLink({ href }: { href: string }) {
  const t = await getTranslations("publish");
  return (
    <Link className="btn" href={href} data-testid="public-view-link">
      {t("nav.publicRecord")}
    </Link>
  );
}
