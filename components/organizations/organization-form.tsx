"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FormProvider, useForm, type Path, type Resolver } from "react-hook-form";
import type { CreateOrganizationResult } from "@/lib/organizations/create";
import type { ForeignOption } from "@/lib/organizations/list";
import { EMPTY_FOREIGN_ORGANIZATION, foreignOrganizationSchema, type ForeignOrganizationInput } from "@/lib/validation/organizations";
import { ForeignOrgFields } from "./foreign-org-fields";
import styles from "./org-form.module.css";

/** Creates a foreign party; the server re-checks the same schema and refuses duplicates. */
export function OrganizationForm({ parents, action }: { parents: ForeignOption[]; action: (input: ForeignOrganizationInput) => Promise<CreateOrganizationResult> }) {
  const t = useTranslations();
  const router = useRouter();
  const methods = useForm<ForeignOrganizationInput>({
    resolver: zodResolver(foreignOrganizationSchema) as unknown as Resolver<ForeignOrganizationInput>,
    defaultValues: EMPTY_FOREIGN_ORGANIZATION,
    mode: "onTouched",
  });
  const [alert, setAlert] = useState<{ text: string; at: number; focus: boolean } | null>(null);
  const [done, setDone] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  // The alert takes the focus only when no field does (react-hook-form focuses the first invalid field).
  const show = (text: string, focus = true) => setAlert((prev) => ({ text, at: (prev?.at ?? 0) + 1, focus }));
  useEffect(() => {
    if (alert?.focus) alertRef.current?.focus();
  }, [alert]);
  const submit = methods.handleSubmit(
    async (values) => {
      setAlert(null);
      let result: CreateOrganizationResult;
      try {
        result = await action(values);
      } catch {
        show(t("registry.errors.server"));
        return;
      }
      if (result.ok) {
        setDone(true);
        router.push(`/organizations/${result.id}?notice=created`);
        return;
      }
      const paths = Object.keys(result.fieldErrors ?? {});
      for (const path of paths) methods.setError(path as Path<ForeignOrganizationInput>, { type: "server", message: result.fieldErrors![path]![0] });
      if (paths[0]) methods.setFocus(paths[0] as Path<ForeignOrganizationInput>);
      show(t(result.message), paths.length === 0);
    },
    () => show(t("registry.form.errorSummary"), false),
  );
  return (
    <FormProvider {...methods}>
      <form className={styles.form} onSubmit={submit} noValidate aria-label={t("registry.org.newForeign")}>
        {alert && (
          <div className="alert alert--error" role="alert" tabIndex={-1} ref={alertRef}>
            {alert.text}
          </div>
        )}
        <div className="card">
          <ForeignOrgFields prefix="" idPrefix="org" parents={parents} />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn btn--primary" disabled={methods.formState.isSubmitting || done}>
            {methods.formState.isSubmitting || done ? t("registry.form.saving") : t("registry.org.create")}
          </button>
          <Link className="btn" href="/organizations">
            {t("registry.form.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
