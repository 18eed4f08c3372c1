import { and, asc, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { versionChanges, type VersionChange } from "./version-changes";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agreements, organizations, proposalComments, proposalVersions, proposals, sources, users, type Proposal } from "@/db/schema";
import { agreementFieldValues } from "./agreement-fields";
import { diffFields, type FieldDiff } from "./diff";
import { revertValues } from "./apply";
import { isStale, type ProposalPayload } from "./proposals";
import { readableProposals, type Reader } from "./read-scope";

/** The proposal columns can("proposal.read") depends on, for readableProposals. */
const PROPOSAL_COLUMNS = { author: sql`${proposals.authorId}`, organization: sql`${proposals.organizationId}` };

export const queueFilterSchema = z.object({
  status: z.enum(["open", "changes_requested", "approved", "rejected", "withdrawn", "pending", "all"]).catch("pending"),
  organizationId: z.string().uuid().optional().catch(undefined),
  kind: z.enum(["agreement.create", "agreement.update", "event.create", "revision.revert"]).optional().catch(undefined),
  /** Only proposals at least this many days old. */
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional().catch(undefined),
  authorId: z.string().uuid().optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** The review queue: the proposals `reader` may read (an official's own and their organisation's; everyone's for staff). */
export async function listProposals(db: Db, reader: Reader, filter: QueueFilter) {
  const swedish = alias(organizations, "swedish");
  const foreign = alias(organizations, "foreign");
  const conditions: SQL[] = [readableProposals(reader, PROPOSAL_COLUMNS)];
  if (filter.status === "pending") conditions.push(inArray(proposals.status, ["open", "changes_requested"]));
  else if (filter.status !== "all") conditions.push(eq(proposals.status, filter.status));
  if (filter.organizationId) conditions.push(eq(proposals.organizationId, filter.organizationId));
  if (filter.kind) conditions.push(eq(proposals.kind, filter.kind));
  if (filter.authorId) conditions.push(eq(proposals.authorId, filter.authorId));
  if (filter.minAgeDays !== undefined) conditions.push(lte(proposals.createdAt, sql`now() - make_interval(days => ${filter.minAgeDays})`));
  return db
    .select({
      proposal: proposals,
      authorName: users.name,
      swedishName: swedish.name,
      foreignName: foreign.name,
    })
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .leftJoin(agreements, eq(agreements.id, proposals.agreementId))
    .leftJoin(swedish, eq(swedish.id, agreements.swedishOrgId))
    .leftJoin(foreign, eq(foreign.id, agreements.foreignOrgId))
    .where(and(...conditions))
    .orderBy(asc(proposals.createdAt))
    .limit(500);
}

/** Organisations that have proposals `reader` may read, for the queue's filter. */
export async function proposalOrganizations(db: Db, reader: Reader) {
  return db
    .selectDistinct({ id: organizations.id, name: organizations.name })
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.organizationId))
    .where(readableProposals(reader, PROPOSAL_COLUMNS))
    .orderBy(organizations.name);
}

export interface ProposalDetail {
  proposal: Proposal;
  payload: ProposalPayload;
  authorName: string;
  decidedByName: string | null;
  agreement: { id: string; title: string; version: number } | null;
  diff: FieldDiff[];
  stale: boolean;
  citedSources: { id: string; citation: string }[];
  comments: { id: number; kind: string; body: string; createdAt: Date; authorName: string; authorId: string }[];
  versionCount: number;
  versionChanges: VersionChange[] | null;
}

export async function getProposalDetail(db: Db, id: string): Promise<ProposalDetail | null> {
  const decider = alias(users, "decider");
  const [row] = await db
    .select({ proposal: proposals, authorName: users.name, decidedByName: decider.name })
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .leftJoin(decider, eq(decider.id, proposals.decidedBy))
    .where(eq(proposals.id, id));
  if (!row) return null;
  const p = row.proposal;
  const payload = p.payload as ProposalPayload;

  let agreement: ProposalDetail["agreement"] = null;
  let diff: FieldDiff[] = [];
  if (p.agreementId) {
    const swedish = alias(organizations, "swedish");
    const foreign = alias(organizations, "foreign");
    const [a] = await db
      .select({ agreement: agreements, s: swedish.name, f: foreign.name })
      .from(agreements)
      .innerJoin(swedish, eq(swedish.id, agreements.swedishOrgId))
      .innerJoin(foreign, eq(foreign.id, agreements.foreignOrgId))
      .where(eq(agreements.id, p.agreementId));
    if (a) {
      agreement = { id: a.agreement.id, title: `${a.s} – ${a.f}`, version: a.agreement.version };
      const current = agreementFieldValues(a.agreement) as Record<string, unknown>;
      if (payload.kind === "agreement.update") diff = diffFields(payload.baseValues ?? {}, current, payload.changes);
      if (payload.kind === "revision.revert") {
        const { values } = await db.transaction((tx) => revertValues(tx, payload.revisionId));
        diff = diffFields(payload.baseValues ?? {}, current, values);
      }
    }
  }
  diff = await nameOrganizations(db, diff);
  const existingIds = payload.kind === "event.create" ? payload.event.sources.flatMap((s) => (s.type === "existing" ? [s.sourceId] : [])) : [];
  const citedSources = existingIds.length
    ? await db.select({ id: sources.id, citation: sources.citation }).from(sources).where(inArray(sources.id, existingIds))
    : [];
  const comments = await db
    .select({
      id: proposalComments.id,
      kind: proposalComments.kind,
      body: proposalComments.body,
      createdAt: proposalComments.createdAt,
      authorName: users.name,
      authorId: users.id,
    })
    .from(proposalComments)
    .innerJoin(users, eq(users.id, proposalComments.authorId))
    .where(eq(proposalComments.proposalId, id))
    .orderBy(asc(proposalComments.createdAt), asc(proposalComments.id));
  const versions = await db
    .select({ id: proposalVersions.id, payload: proposalVersions.payload })
    .from(proposalVersions)
    .where(eq(proposalVersions.proposalId, id))
    .orderBy(desc(proposalVersions.id));
  const pending = p.status === "open" || p.status === "changes_requested";
  return {
    proposal: p,
    payload,
    authorName: row.authorName,
    decidedByName: row.decidedByName,
    agreement,
    diff,
    stale: pending ? await db.transaction((tx) => isStale(tx, p)) : false,
    citedSources,
    comments,
    versionCount: versions.length,
    /** What the latest version changed against the one before it (none for a first version). */
    versionChanges: versions.length > 1 ? versionChanges(versions[1]!.payload, versions[0]!.payload) : null,
  };
}

/** Party fields hold organisation ids; a reader wants their names. */
async function nameOrganizations(db: Db, diff: FieldDiff[]): Promise<FieldDiff[]> {
  const partyFields = new Set(["swedishOrgId", "foreignOrgId"]);
  const ids = [...new Set(diff.filter((d) => partyFields.has(d.field)).flatMap((d) => [d.base, d.current, d.proposed]).filter((v): v is string => typeof v === "string"))];
  if (ids.length === 0) return diff;
  const names = new Map((await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids))).map((o) => [o.id, o.name]));
  const name = (v: unknown) => (typeof v === "string" ? (names.get(v) ?? v) : v);
  return diff.map((d) => (partyFields.has(d.field) ? { ...d, base: name(d.base), current: name(d.current), proposed: name(d.proposed) } : d));
}
