import { describe, expect, it } from "vitest";
import sv from "@/lib/i18n/messages/sv/common.json";
import { signInSchema } from "./auth";

const messageOf = (input: { email: string; password: string }, field: "email" | "password") => {
  const r = signInSchema.safeParse(input);
  return r.success ? null : r.error.issues.find((i) => i.path[0] === field)?.message;
};

describe("the sign-in schema", () => {
  it("refuses an over-long address or password with a catalogue message, before any hashing", () => {
    expect(messageOf({ email: `${"a".repeat(250)}@x.se`, password: "p" }, "email")).toBe("auth.emailTooLong");
    expect(messageOf({ email: "a@x.se", password: "p".repeat(1025) }, "password")).toBe("auth.passwordTooLong");
    expect(signInSchema.safeParse({ email: "a@x.se", password: "p".repeat(1024) }).success).toBe(true);
    expect(sv.auth.emailTooLong).toMatch(/254/);
    expect(sv.auth.passwordTooLong).toMatch(/1024/);
  });
});
