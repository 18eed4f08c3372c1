import { getTranslations } from "next-intl/server";
import type { OfficialRow } from "@/lib/accounts/list-officials";
import type { Contact } from "@/lib/accounts/list-contacts";
import styles from "./accounts.module.css";
import { ContactsPanel } from "./contacts-panel";
import { InviteForm } from "./invite-form";

type ContactsActions = React.ComponentProps<typeof ContactsPanel>["actions"];
type InviteAction = React.ComponentProps<typeof InviteForm>["action"];

/** An organisation's officials and contacts, for staff; the invite form and contact editing for those who may. */
export async function OrganizationPeople({
  organizationId,
  officials,
  contacts,
  canInvite,
  canEditContacts,
  inviteAction,
  contactActions,
}: {
  organizationId: string;
  officials: OfficialRow[];
  contacts: Contact[];
  canInvite: boolean;
  canEditContacts: boolean;
  inviteAction: InviteAction;
  contactActions: ContactsActions;
}) {
  const t = await getTranslations();
  return (
    <>
      <section aria-labelledby="org-officials" className="card" style={{ marginTop: "1.25rem" }}>
        <h2 id="org-officials" style={{ marginTop: 0 }}>
          {t("accounts.invite.officials")}
        </h2>
        {officials.length === 0 ? (
          <p className="muted">{t("accounts.invite.noOfficials")}</p>
        ) : (
          <ul className={styles.officials} data-testid="org-officials">
            {officials.map((o) => (
              <li key={o.id}>
                {o.name} · {o.email}{" "}
                {o.pending && <span className="badge">{t("accounts.invite.pending")}</span>}
                {!o.active && <span className="badge">{t("admin.inactive")}</span>}
              </li>
            ))}
          </ul>
        )}
        {canInvite && (
          <details>
            <summary>{t("accounts.invite.openInvite")}</summary>
            <p className="muted">{t("accounts.invite.intro")}</p>
            <InviteForm action={inviteAction} organizationId={organizationId} />
          </details>
        )}
      </section>
      <section aria-labelledby="org-contacts" className="card">
        <h2 id="org-contacts" style={{ marginTop: 0 }}>
          {t("contacts.title")}
        </h2>
        <p className="muted">{t("contacts.intro")}</p>
        <ContactsPanel
          organizationId={organizationId}
          contacts={contacts.map((c) => ({ id: c.id, kind: c.kind, name: c.name, email: c.email, note: c.note, version: c.version }))}
          canEdit={canEditContacts}
          actions={contactActions}
        />
      </section>
    </>
  );
}
