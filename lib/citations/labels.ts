import { toLocale } from "../i18n/config";
import type { CitationLabels } from "./format";

type T = (key: `citation.${"publisher" | "protocol" | "email" | "interview" | "sources" | "retrieved" | "page" | "noSources"}`) => string;

/** The citation's words in the interface's language (the catalogue's `citation` namespace). */
export function citationLabels(t: T, locale: string): CitationLabels {
  return {
    language: toLocale(locale),
    publisher: t("citation.publisher"),
    protocol: t("citation.protocol"),
    email: t("citation.email"),
    interview: t("citation.interview"),
    sources: t("citation.sources"),
    retrieved: t("citation.retrieved"),
    page: t("citation.page"),
    noSources: t("citation.noSources"),
  };
}
