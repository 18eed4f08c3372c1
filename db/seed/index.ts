import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/domain/enums";
import { parsePartialDate } from "../../lib/domain/partial-date";
import type { Db, Tx } from "../client";
import {
  agreementSources,
  agreements,
  counties,
  eventSources,
  organizations,
  revisions,
  sources,
  statusEvents,
  users,
} from "../schema";
import { seedClaims } from "./claims";
import { seedId } from "./ids";
import { countyBoardShortName, readCounties, readMunicipalities } from "./reference";
import { agreements as reportAgreements } from "./report/agreements";
import { foreignOrganisations } from "./report/foreign-organisations";
import { sources as reportSources } from "./report/sources";
import type { SeedSource, SwedishPartyRef } from "./report/types";

export const DATASET_USER_EMAIL = "dataset@avtalsregistret.invalid";
export const DEMO_PASSWORD = "avtal-demo-2026";

export interface DemoAccount {
  email: string;
  role: Role;
  name: string;
  organization?: string;
}
export const DEMO_ACCOUNTS: (DemoAccount & { orgRef?: SwedishPartyRef })[] = [
  { email: "admin@demo.avtalsregistret.se", role: "admin", name: "Demo Admin" },
  { email: "analytiker@demo.avtalsregistret.se", role: "analyst", name: "Demo Analytiker" },
  { email: "granskare@demo.avtalsregistret.se", role: "reviewer", name: "Demo Granskare" },
  {
    email: "bengtsfors@demo.avtalsregistret.se",
    role: "municipal_official",
    name: "Demo Tjänsteperson Bengtsfors",
    organization: "Bengtsfors",
    orgRef: { kind: "kommun", code: "1460" },
  },
];

export interface SeedReport {
  inserted: { organizations: number; agreements: number; events: number; sources: number; users: number };
  demoAccounts: DemoAccount[];
}

const SEED_REASON = "Importerat från rapportens dataset (Lokal frost i relationerna, NKK 2022)";

/** Seeds the reference lists and the report's dataset. Idempotent: a second run inserts nothing. */
export async function seedDatabase(db: Db, options: { demoUsers: boolean }): Promise<SeedReport> {
  // Argon2 is slow on purpose: hash outside the transaction.
  const demoHash = options.demoUsers ? await hashPassword(DEMO_PASSWORD) : undefined;
  const lockedHash = await hashPassword(randomBytes(32).toString("hex"));
  return db.transaction(async (tx) => {
    const datasetUserId = await ensureDatasetUser(tx, lockedHash);
    const orgCount = await seedReferenceOrganizations(tx, datasetUserId);
    const foreignCount = await seedForeignOrganizations(tx, datasetUserId);
    const sourceCount = await seedSources(tx, datasetUserId);
    const { agreementCount, eventCount } = await seedAgreements(tx, datasetUserId);
    await seedClaims(tx, datasetUserId, new Set(reportSources.map((s) => s.key)));
    const demo = demoHash ? await seedDemoUsers(tx, demoHash) : { inserted: 0, accounts: [] };
    return {
      inserted: {
        organizations: orgCount + foreignCount,
        agreements: agreementCount,
        events: eventCount,
        sources: sourceCount,
        users: demo.inserted,
      },
      demoAccounts: demo.accounts,
    };
  });
}

async function ensureDatasetUser(tx: Tx, passwordHash: string): Promise<string> {
  const id = seedId("user", DATASET_USER_EMAIL);
  await tx
    .insert(users)
    .values({ id, email: DATASET_USER_EMAIL, name: "NKK dataset (import)", passwordHash, roles: ["analyst"], active: false })
    .onConflictDoNothing();
  return id;
}

async function recordCreations(
  tx: Tx,
  actorId: string,
  entityType: string,
  rows: { id: string; [k: string]: unknown }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(revisions).values(
    rows.map((row) => ({
      entityType,
      entityId: row.id,
      action: `${entityType}.create`,
      actorId,
      before: null,
      after: row,
      changedFields: Object.keys(row),
      reason: SEED_REASON,
    })),
  );
}

async function seedReferenceOrganizations(tx: Tx, actorId: string): Promise<number> {
  const countyRows = readCounties();
  await tx
    .insert(counties)
    .values(countyRows.map((c) => ({ code: c.county_code, name: c.county_name })))
    .onConflictDoNothing();
  const values = [
    ...readMunicipalities().map((m) => ({
      id: swedishOrgId({ kind: "kommun", code: m.municipality_code }),
      kind: "kommun" as const,
      name: m.municipality_name,
      shortName: m.municipality_name,
      officialCode: m.municipality_code,
      countyCode: m.county_code,
      countryCode: "SE",
    })),
    ...countyRows.flatMap((c) => [
      {
        id: swedishOrgId({ kind: "region", code: c.county_code }),
        kind: "region" as const,
        name: c.region_name,
        shortName: c.region_name.replace(/^Region /, ""),
        officialCode: c.county_code,
        countyCode: c.county_code,
        countryCode: "SE",
      },
      {
        id: swedishOrgId({ kind: "lansstyrelse", code: c.county_code }),
        kind: "lansstyrelse" as const,
        name: c.county_board_name,
        shortName: countyBoardShortName(c.county_name),
        officialCode: c.county_code,
        countyCode: c.county_code,
        countryCode: "SE",
      },
    ]),
  ];
  const inserted = await tx.insert(organizations).values(values).onConflictDoNothing().returning();
  await recordCreations(tx, actorId, "organization", inserted);
  return inserted.length;
}

export function swedishOrgId(ref: SwedishPartyRef): string {
  return seedId("swedish-org", `${ref.kind}:${ref.code}`);
}

async function seedForeignOrganizations(tx: Tx, actorId: string): Promise<number> {
  const keys = new Set(foreignOrganisations.map((o) => o.key));
  for (const o of foreignOrganisations) {
    if (o.parentKey && !keys.has(o.parentKey)) throw new Error(`Foreign organisation ${o.key}: unknown parent ${o.parentKey}`);
  }
  // Parents first, so that the self-reference is satisfied row by row.
  const ordered = [...foreignOrganisations].sort((a, b) => depth(a.key) - depth(b.key));
  const inserted = await tx
    .insert(organizations)
    .values(
      ordered.map((o) => ({
        id: seedId("foreign-org", o.key),
        kind: "foreign" as const,
        name: o.nameLatin,
        shortName: o.nameLatin,
        nameNative: o.nameNative,
        level: o.level,
        parentId: o.parentKey ? seedId("foreign-org", o.parentKey) : null,
        countryCode: o.countryCode,
      })),
    )
    .onConflictDoNothing()
    .returning();
  await recordCreations(tx, actorId, "organization", inserted);
  return inserted.length;

  function depth(key: string): number {
    const o = foreignOrganisations.find((f) => f.key === key);
    return o?.parentKey ? 1 + depth(o.parentKey) : 0;
  }
}

function sourceRow(s: SeedSource) {
  const dated = (text: string | undefined) => {
    const d = parsePartialDate(text);
    return { date: d.on, datePrecision: d.precision };
  };
  const base = {
    id: seedId("source", s.key),
    kind: s.kind,
    citation: s.citation,
    title: s.title ?? null,
    url: s.url ?? null,
    retrievedOn: s.retrievedOn ?? null,
    footnotes: s.footnotes ?? [],
  };
  switch (s.kind) {
    case "protocol":
      return { ...base, body: s.body, meetingDate: s.meetingDate ?? null, paragraph: s.paragraph ?? null, diarienummer: s.diarienummer ?? null };
    case "email":
      return { ...base, correspondent: s.correspondent, ...dated(s.date) };
    case "interview":
      return { ...base, interviewNumber: s.interviewNumber, interviewer: s.interviewer, ...dated(s.date) };
    case "article":
      return { ...base, outlet: s.outlet, title: s.title, author: s.author ?? null, publishedOn: s.publishedOn ?? null };
    case "official_document":
      return { ...base, issuer: s.issuer, title: s.title, diarienummer: s.diarienummer ?? null, ...dated(s.date) };
    case "web_page":
      return { ...base, url: s.url };
    case "publication":
      return { ...base, title: s.title, author: s.author ?? null, issuer: s.issuer ?? null, ...dated(s.date) };
  }
}

async function seedSources(tx: Tx, actorId: string): Promise<number> {
  const inserted = await tx
    .insert(sources)
    // The report's sources are published in the report: public here too.
    .values(reportSources.map((s) => ({ ...sourceRow(s), visibility: "public" as const, createdBy: actorId })))
    .onConflictDoNothing()
    .returning();
  await recordCreations(tx, actorId, "source", inserted);
  return inserted.length;
}

async function seedAgreements(tx: Tx, actorId: string): Promise<{ agreementCount: number; eventCount: number }> {
  const sourceKeys = new Set(reportSources.map((s) => s.key));
  const sourceId = (key: string) => {
    if (!sourceKeys.has(key)) throw new Error(`Unknown source key in the dataset: ${key}`);
    return seedId("source", key);
  };
  const agreementRows = reportAgreements.map((a) => {
    const established = parsePartialDate(a.established);
    return {
      id: seedId("agreement", a.key),
      swedishOrgId: swedishOrgId(a.swedish),
      foreignOrgId: seedId("foreign-org", a.foreign),
      kind: a.kind,
      designation: a.designation ?? null,
      establishedOn: established.on,
      establishedPrecision: established.precision,
      funding: a.funding ?? null,
      areas: a.areas ?? [],
      notes: a.notes ?? null,
      createdBy: actorId,
      updatedBy: actorId,
    };
  });
  const inserted = await tx.insert(agreements).values(agreementRows).onConflictDoNothing().returning();
  await recordCreations(tx, actorId, "agreement", inserted);

  const links = reportAgreements.flatMap((a) =>
    (a.sources ?? []).map((c) => ({
      agreementId: seedId("agreement", a.key),
      sourceId: sourceId(c.source),
      quote: c.quote ?? null,
      page: c.page ?? null,
      createdBy: actorId,
    })),
  );
  if (links.length > 0) await tx.insert(agreementSources).values(links).onConflictDoNothing();

  const eventRows = reportAgreements.flatMap((a) =>
    a.events.map((e, i) => {
      const date = parsePartialDate(e.date);
      return {
        id: seedId("event", `${a.key}#${i}`),
        agreementId: seedId("agreement", a.key),
        status: e.status,
        effectiveOn: date.on,
        effectivePrecision: date.precision,
        reasons: e.reasons ?? [],
        reasonOther: e.reasonOther ?? null,
        decidedBy: e.decidedBy ?? null,
        initiatedBy: e.initiatedBy,
        note: e.note ?? null,
        recordedBy: actorId,
      };
    }),
  );
  const insertedEvents = await tx.insert(statusEvents).values(eventRows).onConflictDoNothing().returning({ id: statusEvents.id });
  const eventLinks = reportAgreements.flatMap((a) =>
    a.events.flatMap((e, i) =>
      e.sources.map((c) => ({
        eventId: seedId("event", `${a.key}#${i}`),
        sourceId: sourceId(c.source),
        quote: c.quote ?? null,
        page: c.page ?? null,
        createdBy: actorId,
      })),
    ),
  );
  if (eventLinks.length > 0) await tx.insert(eventSources).values(eventLinks).onConflictDoNothing();
  return { agreementCount: inserted.length, eventCount: insertedEvents.length };
}

async function seedDemoUsers(tx: Tx, passwordHash: string): Promise<{ inserted: number; accounts: DemoAccount[] }> {
  const rows = DEMO_ACCOUNTS.map((a) => ({
    id: seedId("user", a.email),
    email: a.email,
    name: a.name,
    passwordHash,
    roles: [a.role],
    organizationId: a.orgRef ? swedishOrgId(a.orgRef) : null,
    isDemo: true,
  }));
  const inserted = await tx.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
  const present = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)), eq(users.isDemo, true)));
  const presentEmails = new Set(present.map((p) => p.email));
  return {
    inserted: inserted.length,
    accounts: DEMO_ACCOUNTS.filter((a) => presentEmails.has(a.email)).map(({ orgRef: _orgRef, ...rest }) => rest),
  };
}
