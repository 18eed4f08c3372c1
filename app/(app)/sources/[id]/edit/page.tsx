import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SourceForm } from "@/components/sources/source-form";
import { getDb } from "@/db/app-db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { refusePage } from "@/lib/auth/refusal";
import { sourceToInput } from "@/lib/sources/fields";
import { getSource } from "@/lib/sources/get";
import { updateSourceAction } from "../../actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const t = await getTranslations("sources.edit");
  return { title: t("title") };
}

export default async function EditSourcePage({ params }: Params) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await getCurrentUser();
  if (!can(user ? { ...user, active: true } : null, "source.update")) refusePage({ action: "source.update", backHref: `/sources/${id}` });
  const detail = await getSource(await getDb(), id);
  if (!detail) notFound();
  const t = await getTranslations();
  return (
    <>
      <p>
        <Link href={`/sources/${id}`}>← {detail.source.title ?? t("sources.title")}</Link>
      </p>
      <h1>{t("sources.edit.title")}</h1>
      <p className="muted">{t("sources.detail.version", { version: detail.source.version })}</p>
      <SourceForm
        mode="edit"
        defaults={{ id, version: detail.source.version, source: sourceToInput(detail.source), allowDuplicate: false, reason: "" }}
        submit={updateSourceAction}
        cancelHref={`/sources/${id}`}
      />
    </>
  );
}
