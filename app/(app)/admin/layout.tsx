import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";

// Every admin page checks its own permission too; this keeps non-admins out of the whole section.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const actor = user && { ...user, active: true };
  if (!can(actor, "user.manage") && !can(actor, "audit.read")) refusePage({ action: "user.manage" });
  const t = await getTranslations("admin");
  return (
    <>
      <AdminNav label={t("navLabel")} />
      {children}
    </>
  );
}
