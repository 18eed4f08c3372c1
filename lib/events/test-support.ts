// Helpers for the evidence integration tests: acting users read from the seeded database,
// agreements with a given history, and a throw-away attachment store on disk. No mocks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreements, statusEvents, users } from "@/db/schema";
import { seedId } from "@/db/seed/ids";
import { swedishOrgId } from "@/db/seed";
import type { ActionContext } from "../auth/guard";
import { LocalDiskStorage } from "../attachments/storage";
import type { EventStatus } from "../domain/enums";
import { parsePartialDate } from "../domain/partial-date";

export const ANALYST = "analytiker@demo.avtalsregistret.se";
export const REVIEWER = "granskare@demo.avtalsregistret.se";
export const OFFICIAL = "bengtsfors@demo.avtalsregistret.se";
export const REPORT_SOURCE_ID = seedId("source", "report");

export async function actingAs(db: Db, email: string): Promise<ActionContext> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  return { db, user: { id: u.id, email: u.email, name: u.name, roles: u.roles, organizationId: u.organizationId, organizationName: null, isDemo: u.isDemo } };
}

let counter = 0;
/** A fresh agreement (Mora–Changchun, kind "other") with the given history, recorded by the analyst. */
export async function agreementWithHistory(db: Db, history: [EventStatus, string | null][]): Promise<{ agreementId: string; eventIds: string[] }> {
  const [analyst] = await db.select().from(users).where(eq(users.email, ANALYST));
  const [a] = await db
    .insert(agreements)
    .values({
      swedishOrgId: swedishOrgId({ kind: "kommun", code: "2062" }),
      foreignOrgId: seedId("foreign-org", "cn-changchun"),
      kind: "other",
      designation: `test ${++counter}`,
    })
    .returning();
  const eventIds: string[] = [];
  for (const [status, date] of history) {
    const d = parsePartialDate(date);
    const [e] = await db
      .insert(statusEvents)
      .values({ agreementId: a!.id, status, effectiveOn: d.on, effectivePrecision: d.precision, recordedBy: analyst!.id })
      .returning({ id: statusEvents.id });
    eventIds.push(e!.id);
  }
  return { agreementId: a!.id, eventIds };
}

/** An attachment store in a fresh temporary folder. */
export function tempStorage() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "avtal-attachments-"));
  const storage = new LocalDiskStorage(root);
  return {
    storage,
    root,
    /** Every file in the store (relative paths), temporary files included. */
    files(): string[] {
      if (!fs.existsSync(root)) return [];
      return (fs.readdirSync(root, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(root, p)).isFile()).sort();
    },
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A status-change input with sensible defaults. */
export function eventInput(agreementId: string, overrides: Record<string, unknown> = {}) {
  return {
    agreementId,
    status: "terminated",
    effective: { precision: "year", value: "2020" },
    reasons: [],
    reasonOther: "",
    decidedBy: "",
    initiatedBy: "swedish_side",
    note: "",
    sources: [{ mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "", page: "Appendix" }],
    saveAsDraft: false,
    ...overrides,
  };
}

export function protocolSource(overrides: Record<string, unknown> = {}) {
  return {
    kind: "protocol",
    citation: "",
    title: "",
    url: "",
    retrievedOn: "",
    body: "Kommunfullmäktige, Testkommun",
    meetingDate: "2020-05-25",
    paragraph: "§45",
    diarienummer: `KS 2020/${++counter}`,
    ...overrides,
  };
}
