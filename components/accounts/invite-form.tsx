"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { RoleFields } from "@/components/admin/role-fields";
import type { OrganizationOption } from "@/lib/users/list";
import { inviteUserSchema, type InviteUserInput } from "@/lib/validation/accounts";
import { AccountField, applyFieldErrors } from "./account-field";
import styles from "./accounts.module.css";
import type { ActionFailure } from "./set-password-form";

type InviteResult = { ok: true; value: { userId: string; renewed: boolean } } | ActionFailure;

/**
 * Invites a person by e-mail. For an analyst on an organisation's page: a municipal official of
 * that organisation (`organizationId` fixed). For an admin: any role, with the organisation picker.
 */
export function InviteForm({
  action,
  organizationId,
  organizations,
}: {
  action: (input: InviteUserInput) => Promise<InviteResult>;
  organizationId?: string;
  organizations?: OrganizationOption[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<InviteUserInput>({
    resolver: zodResolver(inviteUserSchema, undefined, { raw: true }),
    defaultValues: { name: "", email: "", roles: ["municipal_official"], organizationId: organizationId ?? "" },
  });
  const roles = useWatch({ control, name: "roles" });
  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    setServerError(null);
    const result = await action(organizationId ? { ...values, roles: ["municipal_official"], organizationId } : values);
    if (result.ok) {
      setNotice(t(result.value.renewed ? "accounts.invite.renewed" : "accounts.invite.sent", { email: String(values.email).trim().toLowerCase() }));
      reset({ name: "", email: "", roles: values.roles, organizationId: organizationId ?? values.organizationId });
      router.refresh();
      return;
    }
    applyFieldErrors(result.fieldErrors, setError);
    setServerError(t(result.message as never));
  });
  return (
    <form className={`form ${styles.wide}`} onSubmit={onSubmit} noValidate aria-label={t(organizationId ? "accounts.invite.title" : "accounts.invite.titleAdmin")}>
      {notice && (
        <div role="status" className="alert alert--success" data-testid="invite-sent">
          {notice}
        </div>
      )}
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      <AccountField id="inv-name" name="name" label={t("accounts.invite.name")} autoComplete="off" register={register} errors={errors} maxLength={200} />
      <AccountField id="inv-email" name="email" label={t("accounts.invite.email")} type="email" autoComplete="off" register={register} errors={errors} maxLength={254} />
      {!organizationId && organizations && <RoleFields register={register} control={control} errors={errors} roles={roles} organizations={organizations} idPrefix="inv" />}
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t("accounts.invite.sending") : t("accounts.invite.submit")}
        </button>
      </div>
    </form>
  );
}
