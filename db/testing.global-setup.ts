import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "./client";
import { DEFAULT_TEST_DATABASE_URL } from "./testing";

/**
 * Finds out once whether the PostgreSQL server is reachable (CI sets REQUIRE_POSTGRES=1 so that it
 * must be), and migrates once what every test file's fresh database starts from: a PGlite folder
 * image and a PostgreSQL template database. Each file then copies them (db/testing.ts), which
 * takes about a second where migrating took four.
 */
export default async function setup(project: TestProject) {
  const cleanups: (() => Promise<void>)[] = [];
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  let reachable = false;
  try {
    await sql`select 1`;
    reachable = true;
    project.provide("postgresUrl", url);
    console.log(`[tests] PostgreSQL at ${url.replace(/\/\/[^@]*@/, "//")}: integration tests run on PGlite and PostgreSQL`);
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL required but not reachable at ${url}: ${String(error)}`);
    project.provide("postgresUrl", null);
    console.warn(`[tests] PostgreSQL not reachable at ${url}: integration tests run on PGlite only`);
  }

  project.provide("postgresTemplate", null);
  if (reachable) {
    const template = `avtal_template_${randomBytes(6).toString("hex")}`;
    await sql.unsafe(`CREATE DATABASE ${template}`);
    cleanups.push(async () => {
      await sql.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    });
    const target = new URL(url);
    target.pathname = `/${template}`;
    const handle = await openDatabase({ url: target.toString() });
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }
    project.provide("postgresTemplate", template);
  }

  const image = path.join(os.tmpdir(), `avtal-test-pglite-${process.pid}-${randomBytes(4).toString("hex")}.tar`);
  const pglite = await openDatabase({ dataDir: null });
  try {
    await migrateDatabase(pglite);
    const dump = await pglite.pglite!.dumpDataDir("none");
    fs.writeFileSync(image, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  cleanups.push(async () => fs.rmSync(image, { force: true }));
  project.provide("pgliteImage", image);

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await sql.end({ timeout: 1 }).catch(() => {});
  };
}
