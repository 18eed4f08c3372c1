import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "../i18n/messages";
import { releaseChangeDetail } from "./release-change-detail";

describe("a release note's detail", () => {
  for (const [locale, expected] of [
    ["sv", { kind: "Vänortssamarbete", status: "Avslutat 2021-06", fields: "Etablerat, Anteckningar", source: "Sammanträdesprotokoll" }],
    ["en", { kind: "Twin-city", status: "Ended 2021-06", fields: "Established", source: "Meeting protocol" }],
  ] as const) {
    it(`reads in ${locale}, not as the stored codes`, () => {
      const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as Parameters<typeof releaseChangeDetail>[2];
      expect(releaseChangeDetail("agreementsAdded", "twin_city", t)).toContain(expected.kind);
      expect(releaseChangeDetail("statusChanges", "terminated 2021-06", t)).toBe(expected.status);
      expect(releaseChangeDetail("agreementsEdited", "establishedOn, establishedPrecision, notes", t)).toContain(expected.fields);
      expect(releaseChangeDetail("sourcesAdded", "protocol", t)).toContain(expected.source);
      for (const text of [releaseChangeDetail("agreementsEdited", "establishedOn, notes", t), releaseChangeDetail("corrections", "active 2019", t)]) {
        expect(text).not.toMatch(/establishedOn|notes|active/);
      }
    });
  }
});
