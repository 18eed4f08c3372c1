import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { DEFAULT_TEST_DATABASE_URL } from "./testing";

/** Finds out once whether the PostgreSQL server is reachable; CI sets REQUIRE_POSTGRES=1 so that it must be. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    project.provide("postgresUrl", url);
    console.log(`[tests] PostgreSQL at ${url.replace(/\/\/[^@]*@/, "//")}: integration tests run on PGlite and PostgreSQL`);
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL required but not reachable at ${url}: ${String(error)}`);
    project.provide("postgresUrl", null);
    console.warn(`[tests] PostgreSQL not reachable at ${url}: integration tests run on PGlite only`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}
