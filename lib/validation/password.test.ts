import { describe, expect, it } from "vitest";
import { changePasswordSchema, setPasswordSchema } from "./accounts";
import { passwordMatchesEmail, passwordProblem } from "./password";
import { createUserSchema, firstAdminSchema } from "./users";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("the password rules", () => {
  it.each([
    ["", "password.tooShort"],
    ["            ", "password.onlySpaces"],
    ["\t \n  \u00a0      ", "password.onlySpaces"],
    ["elva tecken", "password.tooShort"],
    // Twelve characters counted as characters: four emoji are eight UTF-16 units but four characters.
    ["😀😀😀😀abcdefg", "password.tooShort"],
    ["x".repeat(257), "password.tooLong"],
    ["password1234", "password.common"],
    ["Password123456", "password.common"],
    ["qwertyuiop123", "password.common"],
    ["aaaaaaaaaaaa", "password.common"],
    ["123456789012", "password.common"],
    ["iloveyou1234", "password.common"],
  ])("refuses %j with %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each(["avtal-demo-2026", "Vänort med Chengdu sedan 2011", "correct horse battery staple", "k7#Qp2!vZr9@"])("accepts %j", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("refuses the e-mail address and its local part, whatever the case", () => {
    expect(passwordMatchesEmail("Anna.Svensson@Lidkoping.se", "anna.svensson@lidkoping.se")).toBe(true);
    expect(passwordMatchesEmail("anna.svensson2026!!", "anna.svensson@lidkoping.se")).toBe(true);
    expect(passwordMatchesEmail("en helt annan mening", "anna.svensson@lidkoping.se")).toBe(false);
    // A local part of one or two letters would forbid too much to mean anything.
    expect(passwordMatchesEmail("Li har ett långt lösenord", "li@lidkoping.se")).toBe(false);
  });

  it("holds on every path that sets a password: admin-created users, the first admin, links, one's own change", () => {
    const base = { name: "Anna", email: "anna.svensson@lidkoping.se", roles: ["analyst"] };
    expect(issues(createUserSchema.safeParse({ ...base, password: "password1234" }))).toEqual(["password:password.common"]);
    expect(issues(createUserSchema.safeParse({ ...base, password: "anna.svensson-2026" }))).toEqual(["password:password.containsEmail"]);
    expect(issues(createUserSchema.safeParse({ ...base, password: "            " }))).toEqual(["password:password.onlySpaces"]);
    expect(issues(firstAdminSchema.safeParse({ ...base, password: "anna.svensson@lidkoping.se" }))).toEqual(["password:password.containsEmail"]);
    expect(issues(firstAdminSchema.safeParse({ ...base, password: "iloveyou1234" }))).toEqual(["password:password.common"]);
    const link = { token: "t", email: base.email };
    expect(issues(setPasswordSchema.safeParse({ ...link, password: "qwertyuiop123", passwordRepeat: "qwertyuiop123" }))).toEqual(["password:password.common"]);
    expect(issues(setPasswordSchema.safeParse({ ...link, password: "Vänort med Chengdu", passwordRepeat: "Vänort med Chengdu!" }))).toEqual([
      "passwordRepeat:password.mismatch",
    ]);
    const own = { email: base.email, currentPassword: "gammalt" };
    expect(issues(changePasswordSchema.safeParse({ ...own, password: "ANNA.SVENSSON!2026x", passwordRepeat: "ANNA.SVENSSON!2026x" }))).toEqual([
      "password:password.containsEmail",
    ]);
    expect(createUserSchema.safeParse({ ...base, password: "Vänort med Chengdu sedan 2011" }).success).toBe(true);
  });
});
