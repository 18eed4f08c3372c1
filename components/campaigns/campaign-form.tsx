"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { SWEDISH_ORG_KINDS } from "@/lib/domain/enums";
import type { WriteResult } from "@/lib/users/result";
import { selectionSchema, startCampaignSchema, type StartCampaignInput } from "@/lib/validation/campaigns";
import styles from "./campaigns.module.css";

interface Preview {
  count: number;
  toInvite: number;
  noRecipient: number;
  sample: string[];
}

interface Props {
  counties: { code: string; name: string }[];
  preview: (selection: unknown) => Promise<Preview>;
  action: (input: StartCampaignInput) => Promise<WriteResult<{ id: string; organizations: number; messages: number; invitations: number }>>;
}

/** The new campaign: title, message in Swedish (and English), reminder days, and the selection with a live count of whom it reaches. */
export function CampaignForm({ counties, preview, action }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const [counted, setCounted] = useState<Preview | null>(null);
  const [counting, setCounting] = useState(false);
  const asked = useRef(0);
  const year = new Date().getFullYear();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<StartCampaignInput>({
    resolver: zodResolver(startCampaignSchema, undefined, { raw: true }),
    defaultValues: {
      title: `Årlig avstämning ${year}`,
      messageSv: "",
      messageEn: "",
      reminderAfterDays: 14,
      selection: { kinds: ["kommun", "region", "lansstyrelse"], countyCode: "", withAgreementsOnly: true, notConfirmedSince: "" },
    },
  });

  const selection = useWatch({ control, name: "selection" });
  const key = JSON.stringify(selection);
  useEffect(() => {
    const parsed = selectionSchema.safeParse(JSON.parse(key));
    if (!parsed.success) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      setCounting(true);
      preview(JSON.parse(key))
        .then((p) => {
          if (ticket === asked.current) setCounted(p);
        })
        .finally(() => {
          if (ticket === asked.current) setCounting(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [key, preview]);

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await action(values);
    if (result.ok) {
      const v = result.value;
      router.push(`/campaigns/${v.id}?started=${v.messages}-${v.organizations}`);
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors)) {
      if (messages[0]) setError(field as never, { message: messages[0] });
    }
    setServerError(t(result.message));
  });

  const error = (message: string | undefined, id: string) =>
    message ? (
      <span id={id} className="field-error">
        {t(message)}
      </span>
    ) : null;

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t("campaigns.new")}>
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      <div className="field">
        <label htmlFor="campaign-title">{t("campaigns.form.title")}</label>
        <input
          id="campaign-title"
          aria-invalid={errors.title ? "true" : "false"}
          aria-describedby="campaign-title-hint campaign-title-error"
          {...register("title")}
        />
        <span id="campaign-title-hint" className="field-hint">
          {t("campaigns.form.titleHint")}
        </span>
        {error(errors.title?.message, "campaign-title-error")}
      </div>
      <div className="field">
        <label htmlFor="campaign-message-sv">{t("campaigns.form.messageSv")}</label>
        <textarea
          id="campaign-message-sv"
          lang="sv"
          aria-invalid={errors.messageSv ? "true" : "false"}
          aria-describedby="campaign-message-hint campaign-message-sv-error"
          {...register("messageSv")}
        />
        <span id="campaign-message-hint" className="field-hint">
          {t("campaigns.form.messageHint")}
        </span>
        {error(errors.messageSv?.message, "campaign-message-sv-error")}
      </div>
      <div className="field">
        <label htmlFor="campaign-message-en">{t("campaigns.form.messageEn")}</label>
        <textarea id="campaign-message-en" lang="en" aria-invalid={errors.messageEn ? "true" : "false"} {...register("messageEn")} />
        {error(errors.messageEn?.message, "campaign-message-en-error")}
      </div>
      <div className="field">
        <label htmlFor="campaign-days">{t("campaigns.form.reminderAfterDays")}</label>
        <input
          id="campaign-days"
          type="number"
          min={1}
          max={365}
          inputMode="numeric"
          className={styles.narrow}
          aria-invalid={errors.reminderAfterDays ? "true" : "false"}
          aria-describedby="campaign-days-hint campaign-days-error"
          {...register("reminderAfterDays", { valueAsNumber: true })}
        />
        <span id="campaign-days-hint" className="field-hint">
          {t("campaigns.form.reminderHint")}
        </span>
        {error(errors.reminderAfterDays?.message, "campaign-days-error")}
      </div>

      <fieldset className={styles.fieldset}>
        <legend>{t("campaigns.form.selection")}</legend>
        <fieldset className={styles.fieldset} aria-describedby="campaign-kinds-error">
          <legend>{t("campaigns.form.kinds")}</legend>
          <div className={styles.checks}>
            {SWEDISH_ORG_KINDS.map((k) => (
              <label key={k} className={styles.check}>
                <input type="checkbox" value={k} {...register("selection.kinds")} /> {t(`orgKind.${k}`)}
              </label>
            ))}
          </div>
          {error(errors.selection?.kinds?.message, "campaign-kinds-error")}
        </fieldset>
        <div className="field">
          <label htmlFor="campaign-county">{t("campaigns.form.county")}</label>
          <select id="campaign-county" {...register("selection.countyCode")}>
            <option value="">{t("campaigns.form.allCounties")}</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <label className={styles.check}>
          <input type="checkbox" {...register("selection.withAgreementsOnly")} /> {t("campaigns.form.withAgreementsOnly")}
        </label>
        <div className="field">
          <label htmlFor="campaign-since">{t("campaigns.form.notConfirmedSince")}</label>
          <input
            id="campaign-since"
            type="date"
            className={styles.narrow}
            aria-invalid={errors.selection?.notConfirmedSince ? "true" : "false"}
            aria-describedby="campaign-since-hint campaign-since-error"
            {...register("selection.notConfirmedSince")}
          />
          <span id="campaign-since-hint" className="field-hint">
            {t("campaigns.form.notConfirmedSinceHint")}
          </span>
          {error(errors.selection?.notConfirmedSince?.message, "campaign-since-error")}
        </div>
        <div aria-live="polite" data-testid="selection-preview">
          {counting && !counted ? (
            <p className={`muted ${styles.preview}`}>{t("campaigns.form.previewLoading")}</p>
          ) : counted ? (
            <>
              <p className={styles.preview}>
                <strong>{t("campaigns.form.preview", { count: counted.count })}</strong>
              </p>
              {counted.toInvite > 0 && <p className={`muted ${styles.preview}`}>{t("campaigns.form.previewToInvite", { count: counted.toInvite })}</p>}
              {counted.noRecipient > 0 && <p className={`muted ${styles.preview}`}>{t("campaigns.form.previewNoRecipient", { count: counted.noRecipient })}</p>}
              {counted.sample.length > 0 && (
                <p className={`muted ${styles.preview}`}>
                  {t("campaigns.form.previewSample", { names: counted.sample.join(", ") + (counted.count > counted.sample.length ? " …" : "") })}
                </p>
              )}
            </>
          ) : null}
        </div>
      </fieldset>
      <div>
        <button type="submit" className="btn btn--primary" disabled={isSubmitting || counted?.count === 0}>
          {isSubmitting ? t("campaigns.form.submitting") : t("campaigns.form.submit")}
        </button>
      </div>
    </form>
  );
}
