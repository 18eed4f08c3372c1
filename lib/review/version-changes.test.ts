import { describe, expect, it } from "vitest";
import { versionChanges } from "./version-changes";

describe("versionChanges", () => {
  const v1 = {
    kind: "event.create",
    agreementId: "a",
    summary: "Återupptas",
    event: { status: "resumed", effective: "2022-03-14", reasons: [], sources: [{ type: "new", source: { kind: "protocol", paragraph: "§ 40", diarienummer: "KS 2022/0099" }, fileIndex: 0 }] },
  };

  it("names each changed leaf with its path, before and after", () => {
    const v2 = structuredClone(v1);
    v2.event.sources[0]!.source.paragraph = "§40";
    v2.event.reasons = ["other" as never];
    expect(versionChanges(v1, v2)).toEqual([
      { path: ["event", "reasons"], before: "", after: "other" },
      { path: ["event", "sources", 0, "source", "paragraph"], before: "§ 40", after: "§40" },
    ]);
  });

  it("leaves out bookkeeping and says nothing when nothing changed", () => {
    const v2 = structuredClone(v1);
    (v2.event.sources[0] as Record<string, unknown>).fileIndex = 3;
    (v2.event.sources[0] as Record<string, unknown>).attachmentId = "f";
    expect(versionChanges(v1, v2)).toEqual([]);
  });
});
