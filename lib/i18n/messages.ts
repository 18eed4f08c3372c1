import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

// One catalogue per locale, kept as one JSON file per feature area (common, auth, registry,
// evidence, dashboard, review, ...) under messages/<locale>/, merged here. Top-level keys of
// the files must not collide; a collision is an error, not a silent override.

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const merged: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const part = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Messages;
    for (const [key, value] of Object.entries(part)) {
      if (key in merged) throw new Error(`Message namespace "${key}" is defined twice (in ${file} and an earlier file of ${locale})`);
      merged[key] = value;
    }
  }
  cache.set(locale, merged);
  return merged;
}
