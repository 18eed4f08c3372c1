import Link from "next/link";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat } from "@/lib/i18n/date-format";
import { requireUser } from "@/lib/auth/guard";
import { listNotifications, markRead, type NotificationMessage } from "@/lib/notifications";

async function markAllRead(formData: FormData) {
  "use server";
  const { db, user } = await requireUser();
  const ids = formData.getAll("id").map(Number).filter(Number.isInteger);
  await markRead(db, user.id, ids);
  revalidatePath("/", "layout");
}

export default async function NotificationsPage() {
  const { db, user } = await requireUser();
  const items = await listNotifications(db, user);
  const t = await getTranslations("notifications");
  const dates = dateFormat(await getLocale());
  const unread = items.filter((n) => !n.read);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("unread", { count: unread.length })}</p>
      {unread.length > 0 && (
        <form action={markAllRead} style={{ marginBottom: "1rem" }}>
          {unread.map((n) => (
            <input key={n.id} type="hidden" name="id" value={n.id} />
          ))}
          <button className="btn btn--small" type="submit">
            {t("markAllRead")}
          </button>
        </form>
      )}
      {items.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="card notification-list">
          {items.map((n) => {
            const m = n.message as NotificationMessage;
            return (
              <li key={n.id} data-testid="notification" className={n.read ? "muted" : undefined}>
                {!n.read && <strong>● </strong>}
                {n.proposalId ? (
                  <Link href={`/review/${n.proposalId}`}>{t(`kind.${n.kind}` as "kind.proposal.submitted", { actor: m.actorName, title: m.title })}</Link>
                ) : (
                  t(`kind.${n.kind}` as "kind.proposal.submitted", { actor: m.actorName, title: m.title })
                )}
                {m.reason && <div className="muted">”{m.reason}”</div>}
                <div className="muted" style={{ fontSize: "0.82rem" }}>
                  {dates.moment(n.createdAt)}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
