import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateDatabase, openDatabase, queryRows, whileHoldingStartupLock, type DbHandle } from "./client";
import { seedDatabase } from "./seed";

// Two instances starting at once on one empty PostgreSQL database: each migrates and seeds
// while holding the startup lock, so neither sees the other's half-made schema.
const serverUrl = inject("postgresUrl");
describe.skipIf(!serverUrl)("startup on PostgreSQL from two processes at once", () => {
  const name = `avtal_test_${randomBytes(6).toString("hex")}`;
  const handles: DbHandle[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("migrates and seeds one after the other, and both end with the same complete database", { timeout: 120_000 }, async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const a = await openDatabase({ url: url.toString() });
    const b = await openDatabase({ url: url.toString() });
    handles.push(a, b);
    const spans: [string, number, number][] = [];
    const start = (who: string, h: DbHandle) =>
      whileHoldingStartupLock(h, async () => {
        const from = performance.now();
        await migrateDatabase(h);
        await seedDatabase(h.db, { demoUsers: true });
        spans.push([who, from, performance.now()]);
      });
    await Promise.all([start("a", a), start("b", b)]);
    spans.sort((x, y) => x[1] - y[1]);
    expect(spans[1]![1]).toBeGreaterThanOrEqual(spans[0]![2]); // the second began after the first ended
    const [row] = await queryRows<{ n: number }>(a.db, sql`SELECT count(*)::int AS n FROM agreements`);
    expect(row!.n).toBeGreaterThan(50);
  });
});
