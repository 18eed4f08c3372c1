import { expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

it("refuses every way of naming another site after sign-in, as a browser would read it", () => {
  const hostile = [
    "/\t/evil.example",
    decodeURIComponent("%2F%09%2Fevil.example"),
    "/\n/evil.example",
    "\r\n//evil.example",
    " //evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "\u0000javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
    "/" + "a".repeat(3000),
  ];
  for (const value of hostile) {
    const path = safeRedirectPath(value);
    expect(path, JSON.stringify(value)).toBe("/home");
  }
  expect(safeRedirectPath(undefined)).toBe("/home");
});

it("keeps a same-site path with its query and fragment, normalised", () => {
  expect(safeRedirectPath("/agreements/123?tab=history#rev-2")).toBe("/agreements/123?tab=history#rev-2");
  expect(safeRedirectPath("/review")).toBe("/review");
  expect(safeRedirectPath("/a/\tb")).toBe("/a/b");
  expect(safeRedirectPath("/dashboard/../admin")).toBe("/admin");
  // Whatever is returned, a browser resolves it to this site.
  for (const value of ["/%2F/evil", "/%5Cevil", "/a//b"]) {
    const path = safeRedirectPath(value);
    expect(new URL(path, "https://register.example.se").host).toBe("register.example.se");
  }
});
