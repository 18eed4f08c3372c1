import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/accounts/invite-form";
import { requirePagePermission } from "@/lib/auth/page";
import { listSwedishOrganizations } from "@/lib/users/list";
import { inviteUserAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("accounts.invite"))("titleAdmin") };
}

/** Admins invite anyone (any role); analysts invite officials from an organisation's page. */
export default async function InviteUserPage() {
  const ctx = await requirePagePermission("user.manage");
  const t = await getTranslations();
  const organizations = await listSwedishOrganizations({ ctx });
  return (
    <>
      <p>
        <Link href="/admin/users">← {t("admin.back")}</Link>
      </p>
      <h1>{t("accounts.invite.titleAdmin")}</h1>
      <p className="muted">{t("accounts.invite.intro")}</p>
      <div className="card">
        <InviteForm action={inviteUserAction} organizations={organizations} />
      </div>
      <p>
        <Link href="/admin/users/new">{t("accounts.invite.orAdmin")}</Link>
      </p>
    </>
  );
}
