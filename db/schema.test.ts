import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { agreements, organizations, statusEvents, users } from "./schema";
import { seedDatabase } from "./seed";
import { databaseError, describeEachDriver } from "./testing";

describeEachDriver("database schema", (db) => {
  let userId: string;
  let swedishId: string;
  let foreignId: string;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    const [user] = await db().select().from(users).where(eq(users.email, "analytiker@demo.avtalsregistret.se"));
    const [mora] = await db().select().from(organizations).where(eq(organizations.officialCode, "2062"));
    const [foreign] = await db().select().from(organizations).where(eq(organizations.name, "Changchun"));
    userId = user!.id;
    swedishId = mora!.id;
    foreignId = foreign!.id;
  });

  async function newAgreement() {
    const [a] = await db()
      .insert(agreements)
      .values({ swedishOrgId: swedishId, foreignOrgId: foreignId, kind: "other", establishedOn: "2022-01-01", establishedPrecision: "year" })
      .returning();
    return a!;
  }

  it("refuses UPDATE and DELETE on the status log", async () => {
    const a = await newAgreement();
    const [e] = await db()
      .insert(statusEvents)
      .values({ agreementId: a.id, status: "active", effectiveOn: "2022-01-01", effectivePrecision: "year", recordedBy: userId })
      .returning();
    expect(await databaseError(db().update(statusEvents).set({ status: "terminated" }).where(eq(statusEvents.id, e!.id)))).toMatch(/append-only/);
    expect(await databaseError(db().delete(statusEvents).where(eq(statusEvents.id, e!.id)))).toMatch(/append-only/);
    expect(await databaseError(db().execute(sql`TRUNCATE status_events CASCADE`))).toMatch(/append-only/);
    const [still] = await db().select().from(statusEvents).where(eq(statusEvents.id, e!.id));
    expect(still?.status).toBe("active");
  });

  it("refuses UPDATE and DELETE on the revision log", async () => {
    expect(await databaseError(db().execute(sql`UPDATE revisions SET reason = 'rewritten'`))).toMatch(/append-only/);
    expect(await databaseError(db().execute(sql`DELETE FROM revisions`))).toMatch(/append-only/);
  });

  it("accepts a correction that supersedes an event, and requires its reason", async () => {
    const a = await newAgreement();
    const [wrong] = await db()
      .insert(statusEvents)
      .values({ agreementId: a.id, status: "terminated", effectiveOn: "2019-01-01", effectivePrecision: "year", recordedBy: userId })
      .returning();
    await expect(
      db().insert(statusEvents).values({ agreementId: a.id, status: "paused", effectivePrecision: "unknown", recordedBy: userId, supersedesId: wrong!.id }),
    ).rejects.toThrow();
    const [fix] = await db()
      .insert(statusEvents)
      .values({ agreementId: a.id, status: "paused", effectivePrecision: "unknown", recordedBy: userId, supersedesId: wrong!.id, correctionReason: "Pausat, inte avslutat" })
      .returning();
    expect(fix?.supersedesId).toBe(wrong!.id);
  });

  it("refuses a date more precise than its precision says", async () => {
    const a = await newAgreement();
    await expect(
      db().insert(statusEvents).values({ agreementId: a.id, status: "paused", effectiveOn: "2019-06-15", effectivePrecision: "year", recordedBy: userId }),
    ).rejects.toThrow();
    await expect(
      db().insert(statusEvents).values({ agreementId: a.id, status: "paused", effectiveOn: "2019-01-01", effectivePrecision: "unknown", recordedBy: userId }),
    ).rejects.toThrow();
  });

  it("enforces foreign keys and required fields", async () => {
    await expect(
      db().insert(statusEvents).values({ agreementId: "00000000-0000-4000-8000-000000000000", status: "active", effectivePrecision: "unknown", recordedBy: userId }),
    ).rejects.toThrow();
    await expect(
      db().insert(agreements).values({ swedishOrgId: swedishId, foreignOrgId: "00000000-0000-4000-8000-000000000000", kind: "twin_city" }),
    ).rejects.toThrow();
    await expect(db().insert(agreements).values({ swedishOrgId: swedishId, foreignOrgId: swedishId, kind: "twin_city" })).rejects.toThrow();
    await expect(db().execute(sql`INSERT INTO organizations (kind, name, country_code) VALUES ('kommun', 'Utan kod', 'SE')`)).rejects.toThrow();
    await expect(
      db().execute(sql`INSERT INTO users (email, name, password_hash, roles) VALUES ('x@example.se', 'X', 'h', '{municipal_official}')`),
    ).rejects.toThrow();
    await expect(db().execute(sql`INSERT INTO sources (kind, citation) VALUES ('article', 'Utan tidning')`)).rejects.toThrow();
  });
});
