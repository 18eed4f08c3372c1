import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { ActionContext } from "../auth/guard";
import { decideProposal } from "../review/proposals";
import { agreementSchema, EMPTY_AGREEMENT } from "../validation/agreements";
import { foreignOrganizationSchema } from "../validation/organizations";
import { protocolSourceSchema } from "../validation/sources";
import { hasControlChars } from "./text";

// Issue 10, finding 12 (the domain's part): control characters and bidi overrides in names and
// texts, a year in the future, and an unknown review decision are refused with a clear error.

const messages = (r: { success: boolean; error?: ZodError }) => (r.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);

describe("texts and dates every write is checked with", () => {
  it("finds NUL, other control characters and bidi overrides, and lets newlines through in multi-line texts", () => {
    expect(["a\u0000b", "a\u0007b", "\u202Egnp.exe", "a\u2066b", "a\u009Fb"].map((s) => hasControlChars(s, true))).toEqual([true, true, true, true, true]);
    expect(hasControlChars("rad ett\nrad två\tkolumn", true)).toBe(false);
    expect(hasControlChars("rad ett\nrad två")).toBe(true);
    expect(hasControlChars("Göteborg 哥德堡 Xi'an")).toBe(false);
  });

  it("refuses them in a foreign party's name, an agreement's texts and a source's fields", () => {
    expect(messages(foreignOrganizationSchema.safeParse({ name: "Wu\u0000han", nameNative: "武汉\u202E", level: "", parentId: "", countryCode: "CN" }))).toEqual([
      "name:rules.controlChars",
      "nameNative:rules.controlChars",
    ]);
    const agreement = { ...EMPTY_AGREEMENT, swedishOrgId: crypto.randomUUID(), foreign: { mode: "existing" as const, id: crypto.randomUUID() } };
    expect(messages(agreementSchema.safeParse({ ...agreement, designation: "Vänort\u0000", notes: "Två\r\nrader" }))).toEqual(["designation:rules.controlChars"]);
    expect(agreementSchema.parse({ ...agreement, notes: "Två\r\nrader" }).notes).toBe("Två\nrader");
    const source = { kind: "protocol", citation: "", url: "", retrievedOn: "", body: "KS\u0000", meetingDate: "", paragraph: "", diarienummer: "" };
    expect(messages(protocolSourceSchema.safeParse(source))).toContain("body:rules.controlChars");
  });

  it("refuses the year 2999 and a day that does not exist, and accepts this year", () => {
    const agreement = { ...EMPTY_AGREEMENT, swedishOrgId: crypto.randomUUID(), foreign: { mode: "existing" as const, id: crypto.randomUUID() } };
    expect(messages(agreementSchema.safeParse({ ...agreement, established: "2999" }))).toEqual(["established:rules.dateFuture"]);
    expect(messages(agreementSchema.safeParse({ ...agreement, established: "2019-02-30" }))).toEqual(["established:rules.dateNoSuchDate"]);
    expect(messages(agreementSchema.safeParse({ ...agreement, established: "1850" }))).toEqual(["established:rules.dateTooEarly"]);
    expect(agreementSchema.safeParse({ ...agreement, established: String(new Date().getUTCFullYear()) }).success).toBe(true);
  });

  it("refuses an unknown review decision instead of taking it as a request for changes", async () => {
    // The decision is checked before the database is touched: there is none here to write to.
    const ctx = { user: { id: crypto.randomUUID(), roles: ["reviewer"] }, db: null } as unknown as ActionContext;
    const refused = await decideProposal({ ctx, input: { decision: "foo", proposalId: crypto.randomUUID(), version: 1, reason: "x" } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZodError);
    expect((refused as ZodError).issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual(["decision:rules.unknownDecision"]);
  });
});
