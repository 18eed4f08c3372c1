"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { Role } from "@/lib/domain/enums";
import type { OrganizationOption } from "@/lib/users/list";
import type { WriteResult } from "@/lib/users/result";
import { changeRolesSchema, type ChangeRolesInput } from "@/lib/validation/users";
import styles from "./admin.module.css";
import { applyServerErrors, RoleFields } from "./role-fields";

interface Props {
  userId: string;
  roles: Role[];
  organizationId: string | null;
  organizations: OrganizationOption[];
  action: (input: ChangeRolesInput) => Promise<WriteResult<{ changed: boolean }>>;
}

/** Changes roles; sends the roles it was opened with, so that a concurrent change is not overwritten. */
export function RolesForm({ userId, roles, organizationId, organizations, action }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [status, setStatus] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const base = { roles, organizationId };
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChangeRolesInput>({
    resolver: zodResolver(changeRolesSchema, undefined, { raw: true }),
    defaultValues: { userId, roles, organizationId: organizationId ?? "", base },
  });

  const watchedRoles = useWatch({ control, name: "roles" });

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await action({ ...values, userId, base });
    if (result.ok) {
      setStatus({ kind: "ok", text: t(result.value.changed ? "admin.rolesSaved" : "admin.rolesUnchanged") });
      router.refresh();
      return;
    }
    applyServerErrors(result.fieldErrors, setError);
    setStatus({ kind: "error", text: t(result.message) });
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t("admin.changeRoles")}>
      {status?.kind === "error" && (
        <div role="alert" className="alert alert--error">
          {status.text}
        </div>
      )}
      <RoleFields register={register} control={control} errors={errors} roles={watchedRoles} organizations={organizations} idPrefix="edit" />
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {isSubmitting ? t("admin.saving") : t("admin.saveRoles")}
        </button>{" "}
        {status?.kind === "ok" && (
          <span role="status" className={styles.status}>
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}
