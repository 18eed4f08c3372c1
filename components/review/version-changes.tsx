import { getTranslations } from "next-intl/server";
import type { VersionChange } from "@/lib/review/version-changes";

const EVENT_LABELS: Record<string, string> = {
  status: "review.propose.status",
  effective: "review.propose.date",
  decidedBy: "review.propose.decidedBy",
  initiatedBy: "agreement.initiatedBy",
  reasons: "agreement.reasons",
  reasonOther: "review.versionChanges.reasonOther",
  note: "review.versionChanges.note",
  summary: "review.versionChanges.summary",
  quote: "review.versionChanges.quote",
  page: "review.versionChanges.page",
  type: "review.versionChanges.sourceType",
  sourceId: "review.versionChanges.sourceId",
  attachmentFilename: "recordFields.source.attachment",
};

/** What the author changed since the previous version of the proposal, field by field, in words. */
export async function VersionChanges({ changes, version }: { changes: VersionChange[]; version: number }) {
  const t = await getTranslations();
  const tr = t as unknown as { (key: string, values?: Record<string, unknown>): string; has(key: string): boolean };
  const label = (path: VersionChange["path"]) => {
    const field = String(path.at(-1));
    const source = path.findIndex((p) => p === "sources");
    const name = EVENT_LABELS[field] ? tr(EVENT_LABELS[field]) : tr.has(`recordFields.source.${field}`) ? tr(`recordFields.source.${field}`) : tr.has(`registry.fields.${field}`) ? tr(`registry.fields.${field}`) : tr("recordFields.other");
    return source >= 0 && typeof path[source + 1] === "number" ? `${tr("review.versionChanges.source", { n: Number(path[source + 1]) + 1 })}: ${name}` : name;
  };
  const value = (path: VersionChange["path"], v: unknown) => {
    if (v === null || v === "") return "–";
    const field = String(path.at(-1));
    if (field === "reasons") return String(v).split(", ").map((r) => (tr.has(`reason.${r}`) ? tr(`reason.${r}`) : r)).join(", ");
    const ns = field === "status" ? "status" : field === "initiatedBy" ? "initiator" : field === "kind" ? "sourceKind" : null;
    return ns && tr.has(`${ns}.${String(v)}`) ? tr(`${ns}.${String(v)}`) : String(v);
  };
  return (
    <section className="card" aria-labelledby="version-changes" data-testid="version-changes" style={{ marginTop: "1rem" }}>
      <h2 id="version-changes" style={{ marginTop: 0 }}>
        {t("review.versionChanges.title", { version, previous: version - 1 })}
      </h2>
      {changes.length === 0 ? (
        <p className="muted">{t("review.versionChanges.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("history.changed")}</th>
                <th scope="col">{t("history.before")}</th>
                <th scope="col">{t("history.after")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={JSON.stringify(c.path)}>
                  <th scope="row">{label(c.path)}</th>
                  <td>{value(c.path, c.before)}</td>
                  <td>{value(c.path, c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
