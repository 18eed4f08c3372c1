import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Organisation contacts are for staff only. The public register reads through lib/public (and
// its pages in app/(public), components/public); none of that code may name the contacts'
// table or the functions that read it, so no public page or data file can show a contact.

const ROOT = path.resolve(__dirname, "../..");
const PUBLIC_CODE = ["lib/public", "app/(public)", "app/inbaddning", "components/public", "app/sitemap.ts"];
const CONTACT_NAMES = /organization_contacts|organizationContacts|listOrganizationContacts|contactsOfOrganizations|accounts\/list-contacts|@\/lib\/accounts(["'/])/;

function files(p: string): string[] {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => files(path.join(p, e.name)));
}

describe("organisation contacts in the public register", () => {
  it("are never read by the public read layer or its pages", () => {
    const all = PUBLIC_CODE.flatMap(files).filter((f) => /\.(ts|tsx|sql)$/.test(f));
    expect(all.length).toBeGreaterThan(10);
    const offenders = all.filter((f) => CONTACT_NAMES.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
