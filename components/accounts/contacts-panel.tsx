"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { CONTACT_KINDS, type ContactKind } from "@/lib/accounts/vocabulary";
import { addContactSchema, type AddContactInput, type RemoveContactInput, type UpdateContactInput } from "@/lib/validation/accounts";
import { AccountField, applyFieldErrors } from "./account-field";
import styles from "./accounts.module.css";
import type { ActionFailure } from "./set-password-form";

export interface ContactView {
  id: string;
  kind: ContactKind;
  name: string | null;
  email: string;
  note: string | null;
  version: number;
}

type Ok = { ok: true; value: unknown };
interface Actions {
  add: (input: AddContactInput) => Promise<Ok | ActionFailure>;
  update: (input: UpdateContactInput) => Promise<Ok | ActionFailure>;
  remove: (input: RemoveContactInput) => Promise<Ok | ActionFailure>;
}

/** An organisation's contacts (staff only): the list, and for editors an add form and edit/remove per contact. */
export function ContactsPanel({ organizationId, contacts, canEdit, actions }: { organizationId: string; contacts: ContactView[]; canEdit: boolean; actions: Actions }) {
  const t = useTranslations();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const done = (message: string) => {
    setNotice(t(message as never));
    setError(null);
    setEditing(null);
    router.refresh();
  };
  return (
    <div data-testid="contacts">
      {notice && (
        <div role="status" className="alert alert--success">
          {notice}
        </div>
      )}
      {error && (
        <div role="alert" className="alert alert--error">
          {error}
        </div>
      )}
      {contacts.length === 0 ? (
        <p className="muted">{t("contacts.empty")}</p>
      ) : (
        <ul className={styles.contacts}>
          {contacts.map((c) => (
            <li key={c.id} className={styles.contact} data-testid="contact">
              {editing === c.id ? (
                <ContactForm
                  organizationId={organizationId}
                  initial={c}
                  submitLabel={t("contacts.save")}
                  onCancel={() => setEditing(null)}
                  submit={(values) => actions.update({ ...values, id: c.id, version: c.version })}
                  onDone={() => done("contacts.saved")}
                />
              ) : (
                <>
                  <div>
                    <strong>{t(`contacts.kinds.${c.kind}`)}</strong>
                    {c.name && <> · {c.name}</>} · <a href={`mailto:${c.email}`}>{c.email}</a>
                    {c.note && <div className="muted">{c.note}</div>}
                  </div>
                  {canEdit && (
                    <div className="btn-row">
                      <button type="button" className="btn btn--small" onClick={() => setEditing(c.id)}>
                        {t("contacts.edit")}
                      </button>
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={pending}
                        onClick={() =>
                          startTransition(async () => {
                            const result = await actions.remove({ id: c.id, version: c.version });
                            if (result.ok) done("contacts.removed");
                            else setError(t(result.message as never));
                          })
                        }
                      >
                        {t("contacts.remove")}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <details>
          <summary>{t("contacts.add")}</summary>
          <ContactForm organizationId={organizationId} submitLabel={t("contacts.add")} submit={actions.add} onDone={() => done("contacts.added")} />
        </details>
      )}
    </div>
  );
}

function ContactForm({
  organizationId,
  initial,
  submitLabel,
  submit,
  onDone,
  onCancel,
}: {
  organizationId: string;
  initial?: ContactView;
  submitLabel: string;
  submit: (values: AddContactInput) => Promise<Ok | ActionFailure>;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AddContactInput>({
    resolver: zodResolver(addContactSchema, undefined, { raw: true }),
    defaultValues: { organizationId, kind: initial?.kind ?? "registrator", name: initial?.name ?? "", email: initial?.email ?? "", note: initial?.note ?? "" },
  });
  const prefix = initial ? `contact-${initial.id.slice(0, 8)}` : "contact-new";
  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await submit(values);
    if (result.ok) {
      if (!initial) reset();
      onDone();
      return;
    }
    applyFieldErrors(result.fieldErrors, setError);
    setServerError(t(result.message as never));
  });
  return (
    <form className={`form ${styles.wide}`} onSubmit={onSubmit} noValidate aria-label={submitLabel}>
      {serverError && (
        <div role="alert" className="alert alert--error">
          {serverError}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>{t("contacts.kind")}</label>
        <select id={`${prefix}-kind`} {...register("kind")}>
          {CONTACT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`contacts.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <AccountField id={`${prefix}-email`} name="email" label={t("contacts.email")} type="email" autoComplete="off" register={register} errors={errors} maxLength={254} />
      <AccountField id={`${prefix}-name`} name="name" label={t("contacts.name")} autoComplete="off" register={register} errors={errors} maxLength={200} />
      <AccountField id={`${prefix}-note`} name="note" label={t("contacts.note")} autoComplete="off" register={register} errors={errors} maxLength={1000} />
      <div className="btn-row">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t("contacts.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
