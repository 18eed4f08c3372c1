"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** The iframe code that puts a public diagram on another site. */
export function EmbedCode({ path }: { path: string }) {
  const t = useTranslations("publish.embed");
  const [origin, setOrigin] = useState("");
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the origin is known only in the browser
  useEffect(() => setOrigin(window.location.origin), []);
  const code = `<iframe src="${origin}${path}" title="${t("frameTitle")}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`;
  return (
    <details>
      <summary className="btn btn--small">{t("button")}</summary>
      <label>
        <span className="visually-hidden">{t("label")}</span>
        <textarea readOnly rows={3} cols={60} value={code} aria-label={t("label")} onFocus={(e) => e.currentTarget.select()} />
      </label>
    </details>
  );
}
