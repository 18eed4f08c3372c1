import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, max, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { agreements, proposals, revisions, statusEvents, users } from "@/db/schema";
import { seedDatabase, swedishOrgId } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { queryRows } from "@/db/client";
import { databaseError, describeEachDriver } from "@/db/testing";
import { FieldRefusal } from "../agreements/refusal";
import { createAgreement } from "../agreements/create";
import { updateAgreement } from "../agreements/update";
import { attachFiles } from "../attachments/attach";
import { samplePdf } from "../attachments/sample-pdf";
import { databaseFingerprint } from "../auth/matrix/fixture";
import type { ActionContext } from "../auth/guard";
import { correctEvent } from "../events/correct";
import { logStatusChange } from "../events/log-status-change";
import { actingAs, agreementWithHistory, ANALYST, eventInput, OFFICIAL, REPORT_SOURCE_ID, REVIEWER, tempStorage } from "../events/test-support";
import { runImport } from "../import/run";
import { submitAgreementEdit } from "../review/edit-policy";
import { ReviewError } from "../review/errors";
import {
  approveProposal,
  createProposal,
  decideProposal,
  rebaseProposal,
  rejectProposal,
  requestChanges,
  reviseProposal,
  withdrawProposal,
} from "../review/proposals";
import { revertRevision } from "../review/revert";
import { setSetting } from "../settings";
import { EMPTY_AGREEMENT } from "../validation/agreements";
import { findEntryPoints } from "./entry-points";

// The invariant matrix (issue 10, "Also"): for every rule, every entry point that can write
// what the rule is about is driven with input that breaks it, and must refuse it the same way
// (the rule's own message, as a value, never a crash) with nothing written (the database's
// fingerprint is unchanged). An entry point a rule cannot reach says why. The entry points are
// found in lib/ (lib/invariants/entry-points.ts): a new one fails here until it is in the matrix.

const AGREEMENT = seedId("agreement", "bengtsfors-wuzhou-twin");
const BENGTSFORS = swedishOrgId({ kind: "kommun", code: "1460" });
const KIRUNA = swedishOrgId({ kind: "kommun", code: "2584" });
const WUZHOU = seedId("foreign-org", "cn-wuzhou");
const WUHAN = seedId("foreign-org", "cn-wuhan");

interface Actors {
  analyst: ActionContext;
  official: ActionContext;
  reviewer: ActionContext;
  adminId: string;
  analystFileId: string;
  storage: ReturnType<typeof tempStorage>["storage"];
}
type Env = Actors & { db: ActionContext["db"] };

interface Case {
  prepare?: (env: Env) => Promise<unknown>;
  run: (env: Env, prepared: never) => Promise<unknown>;
  cleanup?: (env: Env) => Promise<void>;
}
type Cell = Case | { notApplicable: string };

interface Rule {
  name: string;
  /** Any of these in the refusal (field messages, codes) is this rule's refusal. */
  refusal: string[];
  cells: Record<string, Cell>;
}

/** What came back, as the keys a person would be shown: refused or not, and why. */
async function outcome(promise: Promise<unknown>): Promise<{ refused: boolean; keys: string[] }> {
  try {
    const r = (await promise) as Record<string, unknown> | undefined;
    if (!r || r.ok !== false) return { refused: false, keys: [] };
    const plan = r.plan as { rows: { issues: { code: string }[] }[] } | undefined;
    const refusal = r.refusal as { code?: string } | undefined;
    return {
      refused: true,
      keys: [
        String(r.message),
        String(r.error),
        ...Object.values((r.fieldErrors ?? {}) as Record<string, string[]>).flat(),
        ...(refusal?.code ? [refusal.code] : []),
        ...(plan?.rows.flatMap((row) => row.issues.map((i) => i.code)) ?? []),
      ],
    };
  } catch (error) {
    if (error instanceof FieldRefusal) return { refused: true, keys: Object.values(error.fieldErrors).flat() };
    if (error instanceof ZodError) return { refused: true, keys: error.issues.map((i) => i.message) };
    if (error instanceof ReviewError) {
      const refusal = error.details?.refusal as { code?: string } | undefined;
      return { refused: true, keys: [error.code, ...(refusal?.code ? [refusal.code] : [])] };
    }
    throw error;
  }
}

// --- Agreement values: party kinds, equal parties, dates, texts ---------------------------

type Values = Partial<Record<"swedishOrgId" | "foreignOrgId" | "established" | "designation", string>>;
let n = 0;

const version = async (env: Env, id = AGREEMENT) => (await env.db.select().from(agreements).where(eq(agreements.id, id)))[0]!.version;
const formInput = (v: Values) => ({
  ...EMPTY_AGREEMENT,
  swedishOrgId: v.swedishOrgId ?? BENGTSFORS,
  foreign: { mode: "existing" as const, id: v.foreignOrgId ?? WUZHOU },
  kind: "other" as const,
  established: v.established ?? "",
  designation: v.designation ?? "",
});
async function storedProposal(env: Env, payload: Record<string, unknown>, authorId = env.official.user.id, agreementId = AGREEMENT): Promise<string> {
  const [a] = await env.db.select().from(agreements).where(eq(agreements.id, agreementId));
  // An event proposal records the last event it was based on (else it is stale, not wrong).
  const [last] = await env.db.select({ seq: max(statusEvents.seq) }).from(statusEvents).where(eq(statusEvents.agreementId, agreementId));
  if (payload.kind === "event.create") payload = { ...payload, baseEventSeq: last?.seq ?? null };
  const [p] = await env.db
    .insert(proposals)
    .values({ kind: payload.kind as "agreement.update", agreementId, organizationId: a!.swedishOrgId, baseVersion: a!.version, payload: { agreementId, baseVersion: a!.version, ...payload }, authorId })
    .returning();
  return p!.id;
}

function agreementCells(v: Values, importable: boolean): Record<string, Cell> {
  const changes = v as Record<string, string>;
  const stored: Case["prepare"] = (env) => storedProposal(env, { kind: "agreement.update", changes });
  const noAgreement = "writes no agreement (a status event or a decision that applies nothing)";
  return {
    createAgreement: { run: (env) => createAgreement({ ctx: env.analyst, input: formInput(v) }) },
    updateAgreement: { run: async (env) => updateAgreement({ ctx: env.analyst, input: { ...formInput(v), kind: "twin_city", id: AGREEMENT, baseVersion: await version(env), reason: "" } }) },
    submitAgreementEdit: {
      // With the review policy on: the edit becomes a proposal, checked by the same rules.
      prepare: (env) => setSetting(env.db, env.adminId, "analystEditsRequireReview", true),
      run: async (env) => submitAgreementEdit({ ctx: env.analyst, input: { ...formInput(v), kind: "twin_city", id: AGREEMENT, baseVersion: await version(env), reason: "" } }),
      cleanup: (env) => setSetting(env.db, env.adminId, "analystEditsRequireReview", false),
    },
    createProposal: { run: async (env) => createProposal({ ctx: env.official, input: { kind: "agreement.update", agreementId: AGREEMENT, baseVersion: await version(env), changes } }) },
    reviseProposal: {
      prepare: async (env) => (await createProposal({ ctx: env.official, input: { kind: "agreement.update", agreementId: AGREEMENT, baseVersion: await version(env), changes: { funding: `Förslag ${++n}` } } })).id,
      run: async (env, proposalId: string) =>
        reviseProposal({ ctx: env.official, input: { proposalId, proposal: { kind: "agreement.update", agreementId: AGREEMENT, baseVersion: await version(env), changes } } }),
    },
    rebaseProposal: { prepare: stored, run: (env, proposalId: string) => rebaseProposal({ ctx: env.official, input: { proposalId } }) },
    approveProposal: { prepare: stored, run: (env, proposalId: string) => approveProposal({ ctx: env.reviewer, input: { proposalId, version: 1 } }) },
    decideProposal: { prepare: stored, run: (env, proposalId: string) => decideProposal({ ctx: env.reviewer, input: { decision: "approve", proposalId, version: 1 } }) },
    revertRevision: {
      // A revision whose "before" breaks the rule (revisions are append-only; inserting is how history grows).
      prepare: async (env) => {
        const [a] = await env.db.select().from(agreements).where(eq(agreements.id, AGREEMENT));
        const before: Record<string, unknown> = { ...a! };
        if (v.swedishOrgId) before.swedishOrgId = v.swedishOrgId;
        if (v.foreignOrgId) before.foreignOrgId = v.foreignOrgId;
        if (v.designation) before.designation = v.designation;
        if (v.established) Object.assign(before, { establishedOn: `${v.established}-01-01`.slice(0, 10), establishedPrecision: v.established.length === 4 ? "year" : "day" });
        const fields = Object.keys(v).flatMap((k) => (k === "established" ? ["establishedOn", "establishedPrecision"] : [k]));
        const [r] = await env.db
          .insert(revisions)
          .values({ entityType: "agreement", entityId: AGREEMENT, action: "agreement.update", actorId: env.analyst.user.id, before, after: a!, changedFields: fields })
          .returning();
        return r!.id;
      },
      run: (env, revisionId: number) => revertRevision({ ctx: env.analyst, input: { revisionId, reason: "Matris" } }),
    },
    runImport: importable
      ? {
          run: (env) =>
            runImport({
              ctx: env.analyst,
              rows: [{ swedish_party: "Bengtsfors", foreign_party: "Wuzhou", kind: "other", established: v.established ?? "", designation: v.designation ?? "" }],
            }),
        }
      : { notApplicable: "the import names parties, and looks a Swedish name up only among Swedish parties and a foreign one among foreign ones" },
    requestChanges: { notApplicable: noAgreement },
    rejectProposal: { notApplicable: noAgreement },
    withdrawProposal: { notApplicable: noAgreement },
    logStatusChange: { notApplicable: noAgreement },
    correctEvent: { notApplicable: noAgreement },
  };
}

// --- Status events: dates, transition rules ------------------------------------------------

function eventCells(kind: "date" | "future" | "transition"): Record<string, Cell> {
  // A terminated agreement (nothing may follow "terminated"), an impossible date, or a date in the future.
  const prepare = async (env: Env) => agreementWithHistory(env.db, [["active", "2010"], ["terminated", "2020"]]);
  const event = { date: { status: "dormant", effective: "2026-02-31" }, future: { status: "dormant", effective: "2999" }, transition: { status: "resumed", effective: "2021" } }[kind];
  const formEvent = {
    date: { status: "dormant", effective: { precision: "day", value: "2026-02-31" } },
    future: { status: "dormant", effective: { precision: "year", value: "2999" } },
    transition: { status: "resumed", effective: { precision: "year", value: "2021" } },
  }[kind];
  // The import writes a new agreement's first status: the establishment ("active"), on a date.
  const importStatus = { date: { status: "active", status_date: "2026-02-31" }, future: { status: "active", status_date: "2999" }, transition: { status: "resumed", status_date: "2021" } }[kind];
  const proposed = (agreementId: string) => ({
    kind: "event.create",
    agreementId,
    event: { ...event, reasons: [], sources: [{ type: "existing", sourceId: REPORT_SOURCE_ID }] },
  });
  const stored = async (env: Env) => {
    const { agreementId } = await prepare(env);
    return storedProposal(env, proposed(agreementId), env.analyst.user.id, agreementId);
  };
  const noEvent = "writes no status event";
  return {
    logStatusChange: { prepare, run: (env, h: { agreementId: string }) => logStatusChange({ ctx: env.analyst, input: eventInput(h.agreementId, formEvent), storage: env.storage }) },
    correctEvent: {
      prepare,
      run: (env, h: { agreementId: string; eventIds: string[] }) =>
        // The first event corrected into an ending before the later one.
        correctEvent({
          ctx: env.analyst,
          input: {
            ...eventInput(h.agreementId, kind === "transition" ? { status: "terminated", effective: { precision: "year", value: "2015" } } : formEvent),
            supersedesId: h.eventIds[0],
            correctionReason: "Matris",
          },
          storage: env.storage,
        }),
    },
    createProposal: { prepare, run: (env, h: { agreementId: string }) => createProposal({ ctx: env.analyst, input: proposed(h.agreementId) }) },
    reviseProposal: {
      prepare: async (env) => {
        const { agreementId } = await prepare(env);
        return storedProposal(env, { kind: "event.create", event: { status: "dormant", effective: "2021", reasons: [], sources: [{ type: "existing", sourceId: REPORT_SOURCE_ID }] } }, env.analyst.user.id, agreementId).then(
          (proposalId) => ({ proposalId, agreementId }),
        );
      },
      run: (env, p: { proposalId: string; agreementId: string }) => reviseProposal({ ctx: env.analyst, input: { proposalId: p.proposalId, proposal: proposed(p.agreementId) } }),
    },
    rebaseProposal: { prepare: stored, run: (env, proposalId: string) => rebaseProposal({ ctx: env.analyst, input: { proposalId } }) },
    approveProposal: { prepare: stored, run: (env, proposalId: string) => approveProposal({ ctx: env.reviewer, input: { proposalId, version: 1 } }) },
    decideProposal: { prepare: stored, run: (env, proposalId: string) => decideProposal({ ctx: env.reviewer, input: { decision: "approve", proposalId, version: 1 } }) },
    createAgreement:
      kind === "date"
        ? {
            // A new agreement's first status, through the same event write: the agreement is not written either.
            run: (env) =>
              createAgreement({
                ctx: env.analyst,
                input: { ...formInput({ designation: `Matris ${++n}` }), firstStatus: { effective: formEvent.effective, sources: [{ mode: "existing", sourceId: REPORT_SOURCE_ID, quote: "", page: "" }] } },
                storage: env.storage,
              }),
          }
        : { notApplicable: "a new agreement's first status is its establishment, which the rules always allow first" },
    updateAgreement: { notApplicable: noEvent },
    submitAgreementEdit: { notApplicable: noEvent },
    revertRevision: { notApplicable: "reverts agreement fields only; status events are corrected, never reverted" },
    runImport: {
      // A new agreement with its first status (the import's status columns).
      run: (env) => runImport({ ctx: env.analyst, rows: [{ swedish_party: "Kiruna", foreign_party: "Wuhan", kind: "other", established: "2010", ...importStatus }] }),
    },
    requestChanges: { notApplicable: "applies nothing" },
    rejectProposal: { notApplicable: "applies nothing" },
    withdrawProposal: { notApplicable: "applies nothing" },
  };
}

// --- Attachment ownership, one open review decision --------------------------------------

function attachmentCells(): Record<string, Cell> {
  const citing = (env: Env) => ({
    kind: "event.create",
    agreementId: AGREEMENT,
    event: {
      status: "terminated",
      effective: "2021-03-01",
      reasons: [],
      sources: [{ type: "protocol", body: "Kommunstyrelsen", meetingDate: "2021-03-01", attachmentId: env.analystFileId, attachmentFilename: "mitt.pdf" }],
    },
  });
  const stored = (env: Env) => storedProposal(env, citing(env));
  const na = "cites no files";
  return {
    createProposal: { run: (env) => createProposal({ ctx: env.official, input: citing(env), storage: env.storage }) },
    reviseProposal: {
      prepare: async (env) => {
        const plain = citing(env);
        const sources = [{ type: "protocol", body: "Kommunstyrelsen", meetingDate: "2021-03-01", diarienummer: `KS 2021/${++n}` }];
        return (await createProposal({ ctx: env.official, input: { ...plain, event: { ...plain.event, sources } } })).id;
      },
      run: (env, proposalId: string) => reviseProposal({ ctx: env.official, input: { proposalId, proposal: citing(env) }, storage: env.storage }),
    },
    rebaseProposal: { prepare: stored, run: (env, proposalId: string) => rebaseProposal({ ctx: env.official, input: { proposalId } }) },
    approveProposal: { prepare: stored, run: (env, proposalId: string) => approveProposal({ ctx: env.reviewer, input: { proposalId, version: 1 } }) },
    decideProposal: { prepare: stored, run: (env, proposalId: string) => decideProposal({ ctx: env.reviewer, input: { decision: "approve", proposalId, version: 1 } }) },
    logStatusChange: { notApplicable: "an analyst's evidence uploads its files or cites sources, never a bare attachment id" },
    correctEvent: { notApplicable: "as logStatusChange" },
    createAgreement: { notApplicable: "its first status's evidence is as logStatusChange's" },
    updateAgreement: { notApplicable: na },
    submitAgreementEdit: { notApplicable: na },
    revertRevision: { notApplicable: na },
    runImport: { notApplicable: na },
    requestChanges: { notApplicable: "applies nothing" },
    rejectProposal: { notApplicable: "applies nothing" },
    withdrawProposal: { notApplicable: "applies nothing" },
  };
}

function decisionCells(): Record<string, Cell> {
  // A proposal already approved: no second decision, revision or rebase may follow.
  const decided = async (env: Env) => {
    const p = await createProposal({ ctx: env.official, input: { kind: "agreement.update", agreementId: AGREEMENT, baseVersion: await version(env), changes: { notes: `Beslutad ${++n}` } } });
    await approveProposal({ ctx: env.reviewer, input: { proposalId: p.id, version: 1 } });
    return p.id;
  };
  const input = (proposalId: string) => ({ proposalId, version: 2, reason: "Igen" });
  const na = "makes no review decision";
  return {
    approveProposal: { prepare: decided, run: (env, id: string) => approveProposal({ ctx: env.reviewer, input: input(id) }) },
    rejectProposal: { prepare: decided, run: (env, id: string) => rejectProposal({ ctx: env.reviewer, input: input(id) }) },
    requestChanges: { prepare: decided, run: (env, id: string) => requestChanges({ ctx: env.reviewer, input: input(id) }) },
    decideProposal: { prepare: decided, run: (env, id: string) => decideProposal({ ctx: env.reviewer, input: { ...input(id), decision: "reject" } }) },
    reviseProposal: {
      prepare: decided,
      run: async (env, id: string) =>
        reviseProposal({ ctx: env.official, input: { proposalId: id, proposal: { kind: "agreement.update", agreementId: AGREEMENT, baseVersion: await version(env), changes: { notes: "Sen" } } } }),
    },
    rebaseProposal: { prepare: decided, run: (env, id: string) => rebaseProposal({ ctx: env.official, input: { proposalId: id } }) },
    withdrawProposal: { prepare: decided, run: (env, id: string) => withdrawProposal({ ctx: env.official, input: { proposalId: id } }) },
    createProposal: { notApplicable: "opens a new proposal; it decides none" },
    createAgreement: { notApplicable: na },
    updateAgreement: { notApplicable: na },
    submitAgreementEdit: { notApplicable: na },
    revertRevision: { notApplicable: na },
    runImport: { notApplicable: na },
    logStatusChange: { notApplicable: na },
    correctEvent: { notApplicable: na },
  };
}

const RULES: Rule[] = [
  { name: "the foreign party is not Swedish", refusal: ["rules.foreignIsSwedish"], cells: agreementCells({ foreignOrgId: KIRUNA }, false) },
  { name: "the Swedish party is a kommun, region or länsstyrelse", refusal: ["rules.swedishNotSwedish"], cells: agreementCells({ swedishOrgId: WUHAN }, false) },
  { name: "the parties differ", refusal: ["rules.partiesEqual"], cells: agreementCells({ swedishOrgId: WUZHOU }, false) },
  { name: "an agreement's date is not in the future", refusal: ["rules.dateFuture", "dateFuture"], cells: agreementCells({ established: "2999" }, true) },
  { name: "an agreement's texts hold no control characters", refusal: ["rules.controlChars", "controlChars"], cells: agreementCells({ designation: "Avtal \u202Egnp" }, true) },
  { name: "a status event's date exists", refusal: ["rules.dateNoSuchDate", "evidence.date.noSuchDate", "dateNoSuchDate"], cells: eventCells("date") },
  { name: "a status event's date is not in the future", refusal: ["rules.dateFuture", "evidence.date.future", "dateFuture"], cells: eventCells("future") },
  { name: "the transition rules (nothing follows an ending; an agreement begins established)", refusal: ["ended_is_final", "not_established", "invalid_transition", "firstStatus"], cells: eventCells("transition") },
  { name: "a proposal cites only its own files or its sources' files", refusal: ["rules.attachmentNotYours"], cells: attachmentCells() },
  { name: "one decision per proposal", refusal: ["not_open", "version_conflict"], cells: decisionCells() },
];

describe("the invariant matrix's entry points", () => {
  it("covers every entry point in lib/ that reaches a foundation write, for every rule", () => {
    const found = [...findEntryPoints().keys()].sort();
    for (const rule of RULES) expect(Object.keys(rule.cells).sort(), rule.name).toEqual(found);
  });

  it("finds a new entry point, however far it is from the write it reaches, so the test above fails until it is in the matrix", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "entry-points-"));
    fs.mkdirSync(path.join(root, "sneaky"));
    fs.writeFileSync(
      path.join(root, "sneaky", "bulk.ts"),
      `import { createAgreements } from "../agreements/write";
       function helper(tx: unknown) { return createAgreements(tx, { actorId: "x", rows: [] }); }
       const viaArrow = (tx: unknown) => helper(tx);
       export async function bulkCreate({ ctx, input }: { ctx: { db: unknown }; input: unknown }) { return viaArrow(ctx.db); }
       export const quickEdit = async ({ ctx }: { ctx: { db: unknown } }) => helper(ctx.db);
       export async function notAnEntryPoint(db: unknown) { return helper(db); }
       export async function readsOnly({ ctx }: { ctx: unknown }) { return ctx; }`,
    );
    try {
      expect([...findEntryPoints(root).keys()].sort()).toEqual(["bulkCreate", "quickEdit"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("leaves every write of an agreement to the one write function, and no lib code rewrites an append-only table", () => {
    const offenders: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [path.join(dir, e.name)] : []));
    for (const file of walk(path.join(process.cwd(), "lib"))) {
      const text = fs.readFileSync(file, "utf8");
      const rel = path.relative(process.cwd(), file);
      // Test support builds fixtures (e.g. an agreement with a given history) directly.
      const testSupport = /test-(support|fixtures)\.ts$/.test(rel);
      const writesAgreements = /\.(insert|update)\(agreements\)|(INSERT INTO|UPDATE)\s+agreements\b/.test(text);
      if (!testSupport && rel !== path.join("lib", "agreements", "write.ts") && writesAgreements) offenders.push(`${rel}: writes agreements itself`);
      const rewrite = /\.(update|delete)\((statusEvents|eventSources|revisions|auditLog|fieldClaims|claimPreferences|proposalVersions|proposalComments)\)/.exec(text);
      if (rewrite) offenders.push(`${rel}: ${rewrite[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});

describeEachDriver("the invariant matrix", (db) => {
  let env: Env;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const [analyst, official, reviewer] = await Promise.all([actingAs(db(), ANALYST), actingAs(db(), OFFICIAL), actingAs(db(), REVIEWER)]);
    const [admin] = await db().select().from(users).where(sql`'admin' = ANY(${users.roles})`).limit(1);
    const { storage } = tempStorage();
    const attached = await attachFiles({
      ctx: analyst,
      input: { sourceId: REPORT_SOURCE_ID },
      files: [{ filename: "analytiker.pdf", declaredType: "application/pdf", bytes: samplePdf("Analytikerns fil") }],
      storage,
    });
    if (!attached.ok) throw new Error("no attachment");
    env = { db: db(), analyst, official, reviewer, adminId: admin!.id, analystFileId: attached.value.attachmentIds[0]!, storage };
  });

  for (const rule of RULES) {
    describe(rule.name, () => {
      for (const [entry, cell] of Object.entries(rule.cells)) {
        if ("notApplicable" in cell) continue;
        it(`${entry} refuses it and writes nothing`, async () => {
          const prepared = (await cell.prepare?.(env)) as never;
          const before = await databaseFingerprint(db());
          try {
            const result = await outcome(cell.run(env, prepared));
            expect(result.refused, JSON.stringify(result.keys)).toBe(true);
            expect(result.keys.some((k) => rule.refusal.includes(k)), JSON.stringify(result.keys)).toBe(true);
            expect(await databaseFingerprint(db())).toBe(before);
          } finally {
            await cell.cleanup?.(env);
          }
        });
      }
    });
  }

  describe("what the database itself refuses", () => {
    it("a party on the wrong side, by a direct UPDATE", async () => {
      expect(await databaseError(db().execute(sql`UPDATE agreements SET foreign_org_id = ${KIRUNA} WHERE id = ${AGREEMENT}`))).toMatch(/is Swedish/);
      expect(await databaseError(db().execute(sql`UPDATE agreements SET swedish_org_id = ${WUHAN} WHERE id = ${AGREEMENT}`))).toMatch(/is not Swedish/);
      expect(await databaseError(db().execute(sql`UPDATE agreements SET swedish_org_id = foreign_org_id WHERE id = ${AGREEMENT}`))).toMatch(/not Swedish|agreements_parties_differ/);
      expect(await databaseError(db().execute(sql`UPDATE agreements SET established_on = NULL, established_precision = 'day' WHERE id = ${AGREEMENT}`))).toMatch(
        /agreements_established_precision/,
      );
    });

    it.each(["status_events", "event_sources", "revisions", "audit_log", "field_claims", "claim_preferences", "proposal_versions", "proposal_comments"])(
      "an UPDATE or DELETE of the append-only %s",
      async (table) => {
        const triggers = await queryRows<{ name: string }>(
          db(),
          sql`SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
              WHERE c.relname = ${table} AND p.proname = 'refuse_history_rewrite'`,
        );
        expect(triggers.length).toBeGreaterThan(0);
        const [{ column }] = (await queryRows<{ column: string }>(
          db(),
          sql`SELECT column_name AS column FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} ORDER BY ordinal_position LIMIT 1`,
        )) as [{ column: string }];
        const [{ rows }] = (await queryRows<{ rows: number }>(db(), sql`SELECT count(*)::int AS rows FROM ${sql.identifier(table)}`)) as [{ rows: number }];
        if (rows === 0) return; // the trigger above is what refuses; nothing to rewrite yet
        const t = sql.identifier(table);
        const c = sql.identifier(column);
        expect(await databaseError(db().execute(sql`UPDATE ${t} SET ${c} = ${c}`))).toMatch(/append-only/);
        expect(await databaseError(db().execute(sql`DELETE FROM ${t}`))).toMatch(/append-only/);
      },
    );
  });
});
