import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("has the same keys in every language", () => {
    const [first, ...rest] = LOCALES.map((l) => keys(loadMessages(l)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it("has no empty messages", () => {
    for (const locale of LOCALES) {
      const empty = keys(loadMessages(locale)).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], loadMessages(locale));
        return typeof v === "string" && v.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
