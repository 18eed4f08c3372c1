// Generated data of the report's shape, at scale, for `npm run bench`: Swedish parties from the
// reference lists, a tree of Chinese provinces, prefecture-level and county-level cities, and
// agreements whose status histories walk through every status with every date precision,
// undated events, corrections (superseding events recorded later), sources and proposals.
// Deterministic: the same seed gives the same data.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";
import { agreements, eventSources, organizations, proposals, sources, statusEvents, users } from "../db/schema";
import type { AgreementKind, DatePrecision, EventStatus, ForeignLevel, Initiator, Reason } from "../lib/domain/enums";

export interface BenchShape {
  agreements: number;
  events: number;
  firstYear: number;
  lastYear: number;
  seed?: number;
}

export interface BenchDataReport {
  agreements: number;
  events: number;
  corrections: number;
  eventSources: number;
  proposals: number;
  foreignOrganizations: number;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BATCH = 2000;

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Fills a migrated database (with the reference lists seeded) with generated agreements and histories. */
export async function generateBenchData(db: Db, shape: BenchShape): Promise<BenchDataReport> {
  const rand = prng(shape.seed ?? 20220101);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;

  const [benchUser] = await db
    .insert(users)
    .values({ email: "bench@avtalsregistret.invalid", name: "Bench generator", passwordHash: "!", roles: ["analyst"], active: false })
    .returning({ id: users.id });
  const userId = benchUser!.id;

  const swedish = await queryRows<{ id: string; kind: string }>(db, sql`SELECT id, kind FROM organizations WHERE kind <> 'foreign'`);
  const kommuner = swedish.filter((o) => o.kind === "kommun");
  const others = swedish.filter((o) => o.kind !== "kommun");

  // Foreign parties: 34 provinces, 10 prefecture-level cities under each, 4 county-level cities under each of those.
  const foreignRows: (typeof organizations.$inferInsert)[] = [];
  const provinceLevels: ForeignLevel[] = ["province", "autonomous_region", "municipality"];
  const prefectureLevels: ForeignLevel[] = ["prefecture_city", "autonomous_prefecture"];
  const countyLevels: ForeignLevel[] = ["county_city", "county"];
  for (let p = 0; p < 34; p++) {
    const provinceId = uuidFrom(rand);
    foreignRows.push({ id: provinceId, kind: "foreign", name: `Province ${p + 1}`, nameNative: `省${p + 1}`, level: pick(provinceLevels), countryCode: "CN" });
    for (let c = 0; c < 10; c++) {
      const cityId = uuidFrom(rand);
      foreignRows.push({ id: cityId, kind: "foreign", name: `City ${p + 1}.${c + 1}`, nameNative: `市${p + 1}.${c + 1}`, level: pick(prefectureLevels), parentId: provinceId, countryCode: "CN" });
      for (let k = 0; k < 4; k++) {
        foreignRows.push({ id: uuidFrom(rand), kind: "foreign", name: `Town ${p + 1}.${c + 1}.${k + 1}`, nameNative: `县${p + 1}.${c + 1}.${k + 1}`, level: pick(countyLevels), parentId: cityId, countryCode: "CN" });
      }
    }
  }
  await insertBatches(foreignRows, (b) => db.insert(organizations).values(b));
  const foreignIds = foreignRows.map((o) => o.id!);

  // Agreements: mostly twin-city agreements of kommuner, some partnerships, a few others.
  const agreementRows: (typeof agreements.$inferInsert)[] = [];
  for (let i = 0; i < shape.agreements; i++) {
    const kind: AgreementKind = chance(0.84) ? "twin_city" : chance(0.9) ? "partnership" : "other";
    agreementRows.push({
      id: uuidFrom(rand),
      swedishOrgId: (chance(0.85) ? pick(kommuner) : pick(others)).id,
      foreignOrgId: pick(foreignIds),
      kind,
      designation: chance(0.5) ? "samarbetsavtal" : null,
      establishedPrecision: "unknown",
      createdBy: userId,
      updatedBy: userId,
    });
  }

  // Histories: a number of events per agreement that sums to the requested total.
  const counts = agreementRows.map(() => 5 + Math.floor(rand() * 31));
  let total = counts.reduce((a, b) => a + b, 0);
  const correctionShare = 0.03;
  const baseTarget = Math.round(shape.events * (1 - correctionShare));
  for (let i = 0; total !== baseTarget; i = (i + 1) % counts.length) {
    if (total < baseTarget) {
      counts[i]! += 1;
      total++;
    } else if (counts[i]! > 2) {
      counts[i]! -= 1;
      total--;
    }
  }

  const span = shape.lastYear - shape.firstYear + 1;
  const recordedFrom = Date.UTC(2022, 0, 1);
  const recordedTo = Date.UTC(2026, 0, 1);
  type EventRow = typeof statusEvents.$inferInsert;
  const eventRows: EventRow[] = [];
  const reasonsFor = (): Reason[] => {
    const r: Reason[] = [];
    if (chance(0.5)) r.push("human_rights");
    if (chance(0.3)) r.push("chinese_state_conduct");
    if (chance(0.3)) r.push("lack_of_activity");
    if (chance(0.05)) r.push("other");
    return r;
  };
  const initiators: Initiator[] = ["swedish_side", "swedish_side", "swedish_side", "counterpart", "both", "unknown"];

  const datedEvent = (year: number, precision: DatePrecision): { effectiveOn: string | null; effectivePrecision: DatePrecision } => {
    if (precision === "unknown") return { effectiveOn: null, effectivePrecision: "unknown" };
    const month = precision === "year" ? 1 : 1 + Math.floor(rand() * 12);
    const day = precision === "day" ? 1 + Math.floor(rand() * 28) : 1;
    return { effectiveOn: `${year}-${pad(month)}-${pad(day)}`, effectivePrecision: precision };
  };
  const precision = (): DatePrecision => {
    const r = rand();
    return r < 0.5 ? "year" : r < 0.75 ? "month" : r < 0.95 ? "day" : "unknown";
  };

  for (let i = 0; i < agreementRows.length; i++) {
    const a = agreementRows[i]!;
    const n = counts[i]!;
    const start = shape.firstYear + Math.floor(Math.pow(rand(), 0.7) * (span - 5));
    const ends = chance(0.5);
    let state: EventStatus = "active";
    let year = start;
    const first = datedEvent(start, chance(0.02) ? "unknown" : pick<DatePrecision>(["year", "year", "month", "day"]));
    a.establishedOn = first.effectiveOn;
    a.establishedPrecision = first.effectivePrecision;
    eventRows.push({ agreementId: a.id!, status: "active", ...first, initiatedBy: "both", recordedBy: userId });
    for (let k = 1; k < n; k++) {
      const last = k === n - 1;
      year = Math.min(shape.lastYear, year + (rand() < 0.45 ? 1 : 0));
      let next: EventStatus;
      if (last && ends) next = pick<EventStatus>(["terminated", "terminated", "terminated", "expired", "terminated_by_counterpart"]);
      else if (state === "active") next = pick<EventStatus>(["dormant", "paused", "partially_terminated", "dormant"]);
      else next = pick<EventStatus>(["resumed", "resumed", state === "dormant" ? "paused" : "dormant"]);
      const ending = next === "terminated" || next === "expired" || next === "terminated_by_counterpart";
      const withReasons = ending || next === "paused";
      const reasons = withReasons ? reasonsFor() : [];
      eventRows.push({
        agreementId: a.id!,
        status: next,
        ...datedEvent(year, precision()),
        reasons,
        reasonOther: reasons.includes("other") ? "Annat skäl" : null,
        initiatedBy: withReasons ? pick(initiators) : "unknown",
        decidedBy: ending && chance(0.5) ? "Kommunfullmäktige" : null,
        recordedBy: userId,
      });
      state = next === "resumed" ? "active" : next;
    }
  }
  // Every event gets an id and a recording time that grows with its position (the recording order).
  for (const [k, e] of eventRows.entries()) {
    e.id = uuidFrom(rand);
    e.recordedAt = new Date(recordedFrom + ((recordedTo - recordedFrom) * k) / (shape.events + 1));
  }
  // Corrections: recorded after everything else, each superseding an earlier event with another date or status.
  const correctionCount = shape.events - eventRows.length;
  const corrected = new Set<string>();
  for (let k = 0; k < correctionCount; k++) {
    let target = pick(eventRows);
    while (corrected.has(target.id!) || target.supersedesId) target = pick(eventRows);
    corrected.add(target.id!);
    const year = target.effectiveOn ? Number(target.effectiveOn.slice(0, 4)) : shape.lastYear;
    eventRows.push({
      ...target,
      id: uuidFrom(rand),
      ...datedEvent(Math.max(shape.firstYear, year - (chance(0.5) ? 1 : 0)), precision()),
      supersedesId: target.id,
      correctionReason: "Rättat datum enligt protokollet",
      recordedAt: new Date(recordedFrom + ((recordedTo - recordedFrom) * (eventRows.length + 1)) / (shape.events + 1)),
    });
  }

  // Each agreement was created just before its first event was recorded.
  const firstRecorded = new Map<string, Date>();
  for (const e of eventRows) if (!firstRecorded.has(e.agreementId)) firstRecorded.set(e.agreementId, e.recordedAt as Date);
  for (const a of agreementRows) a.createdAt = new Date((firstRecorded.get(a.id!) ?? new Date(recordedFrom)).getTime() - 60_000);
  await insertBatches(agreementRows, (b) => db.insert(agreements).values(b));
  await insertBatches(eventRows, (b) => db.insert(statusEvents).values(b));

  // Sources: one per 10 events; three events in four cite one, some cite two.
  const sourceRows = Array.from({ length: Math.ceil(shape.events / 10) }, (_, k) => ({
    id: uuidFrom(rand),
    kind: "publication" as const,
    citation: `Generated source ${k + 1}`,
    title: `Generated source ${k + 1}`,
    createdBy: userId,
  }));
  await insertBatches(sourceRows, (b) => db.insert(sources).values(b));
  const links: (typeof eventSources.$inferInsert)[] = [];
  for (const e of eventRows) {
    if (!chance(0.75)) continue;
    const first = pick(sourceRows).id;
    links.push({ eventId: e.id!, sourceId: first, createdBy: userId, createdAt: e.recordedAt });
    if (chance(0.15)) {
      const second = pick(sourceRows).id;
      if (second !== first) links.push({ eventId: e.id!, sourceId: second, createdBy: userId, createdAt: e.recordedAt });
    }
  }
  await insertBatches(links, (b) => db.insert(eventSources).values(b));

  // Proposals: opened over four years, most decided within days or weeks.
  const proposalRows: (typeof proposals.$inferInsert)[] = [];
  for (let k = 0; k < Math.ceil(shape.agreements / 2); k++) {
    const createdAt = new Date(recordedFrom + rand() * (recordedTo - recordedFrom));
    const r = rand();
    const status = r < 0.6 ? "approved" : r < 0.75 ? "rejected" : r < 0.8 ? "withdrawn" : r < 0.85 ? "changes_requested" : "open";
    const decided = status === "approved" || status === "rejected";
    proposalRows.push({
      kind: "event.create",
      status,
      agreementId: pick(agreementRows).id!,
      payload: {},
      authorId: userId,
      createdAt,
      decidedBy: decided ? userId : null,
      decidedAt: decided ? new Date(createdAt.getTime() + rand() * 30 * 86_400_000) : null,
    });
  }
  await insertBatches(proposalRows, (b) => db.insert(proposals).values(b));
  // As autovacuum would have it in a registry that has been running: statistics and visibility maps up to date.
  await db.execute(sql`VACUUM ANALYZE`);

  return {
    agreements: agreementRows.length,
    events: eventRows.length,
    corrections: correctionCount,
    eventSources: links.length,
    proposals: proposalRows.length,
    foreignOrganizations: foreignRows.length,
  };
}
