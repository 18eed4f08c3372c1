import { getDb } from "@/db/app-db";
import type { Db } from "@/db/client";
import { DEFAULT_QUERY, parseAgreementQuery } from "../agreements/query-params";
import { resolveQuery } from "../dashboard/query";
import { findPublicAgreement, publicRegisterFilters, searchPublicAgreements } from "./agreements";
import { cachedPublic, publicationVersion } from "./cache";
import { loadPublicDashboard } from "./dashboard";
import { findPublicOrganisation, listPublicOrganisations } from "./organisations";
import { dataStamp } from "./release-status";

// What the public pages call: each read cached for the current publication version (lib/public/cache.ts).
// The app's database unless a handle is given (tests: one handle per simulated instance).

type Params = Record<string, string | string[] | undefined>;

export async function publicRegister(params: Params, db?: Db) {
  db ??= await getDb();
  const query = parseAgreementQuery(params);
  const v = await publicationVersion(db);
  const [data, filters] = await Promise.all([
    cachedPublic(db, `register:${JSON.stringify(query)}`, () => searchPublicAgreements(db, query), v),
    cachedPublic(db, "register:filters", () => publicRegisterFilters(db), v),
  ]);
  return { query, data, filters };
}

export async function publicAgreement(slug: string, db?: Db) {
  const d = db ?? (await getDb());
  return cachedPublic(d, `agreement:${slug}`, () => findPublicAgreement(d, slug));
}

export async function publicOrganisation(slug: string, db?: Db) {
  const d = db ?? (await getDb());
  return cachedPublic(d, `organisation:${slug}`, () => findPublicOrganisation(d, slug));
}

export async function publicOrganisationList(db?: Db) {
  const d = db ?? (await getDb());
  return cachedPublic(d, "organisations", () => listPublicOrganisations(d));
}

/** The public dashboard: always the latest state, the full range (no filters: those are the staff's). */
export async function publicDashboard(db?: Db) {
  const d = db ?? (await getDb());
  const q = resolveQuery({});
  return cachedPublic(d, `dashboard:${q.from}-${q.to}`, async () => ({ q, data: await loadPublicDashboard(d, q) }));
}

export async function publicVersion() {
  return publicationVersion(await getDb());
}

export async function publicDataStamp() {
  return dataStamp(await getDb());
}

/** Every agreement's address, for the sitemap. */
export async function publicAgreementList() {
  const db = await getDb();
  return cachedPublic(db, "agreements:all", async () => (await searchPublicAgreements(db, { ...DEFAULT_QUERY, size: 100_000 })).rows.map((r) => ({ slug: r.slug, lastChangedAt: r.lastChangedAt })));
}
