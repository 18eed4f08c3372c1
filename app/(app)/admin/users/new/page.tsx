import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/user-form";
import { requirePagePermission } from "@/lib/auth/page";
import { listSwedishOrganizations } from "@/lib/users/list";
import { createUserAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("newUserTitle") };
}

export default async function NewUserPage() {
  const ctx = await requirePagePermission("user.manage");
  const t = await getTranslations("admin");
  const organizations = await listSwedishOrganizations({ ctx });
  return (
    <>
      <p>
        <Link href="/admin/users">← {t("back")}</Link>
      </p>
      <h1>{t("newUserTitle")}</h1>
      <div className="card">
        <CreateUserForm action={createUserAction} organizations={organizations} />
      </div>
    </>
  );
}
