import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { EN_GB, SV_SE } from "./csl/locales";

// citation-js (citeproc-js underneath) formats references in a CSL style: APA 7th edition (the
// style that @citation-js/plugin-csl ships), with the sv-SE and en-GB CSL locales bundled as
// strings (lib/citations/csl/locales.ts), so nothing is read from the network or the disk.

export type CslLanguage = "sv" | "en";
const LANG: Record<CslLanguage, string> = { sv: "sv-SE", en: "en-GB" };

let registered = false;
function register() {
  if (registered) return;
  const config = plugins.config.get("@csl") as { locales: { add(name: string, xml: string): void } };
  config.locales.add("sv-SE", SV_SE);
  config.locales.add("en-GB", EN_GB);
  registered = true;
}

type Output = { format(name: string, data: unknown[], options: Record<string, unknown>): string };

// A reference costs citeproc some tens of milliseconds (the first, which builds the engine, some
// seconds); the same sources are cited on many pages, so formatted references are remembered.
const memo = new Map<string, string>();
const MEMO_SIZE = 5000;

/** One CSL-JSON item as a reference, in plain text, in the style and the interface's language. */
export function formatReference(item: Record<string, unknown>, language: CslLanguage): string {
  const key = `${language}|${JSON.stringify(item)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  register();
  const output = plugins.output as unknown as Output;
  const text = output.format("bibliography", [item], { format: "text", template: "apa", lang: LANG[language] }).replace(/\s+/g, " ").trim();
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, text);
  return text;
}
