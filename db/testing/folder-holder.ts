// A process that holds a PGlite folder the way the app does, for db/folder-lock.test.ts.
// stdin commands: "write" (one committed row, answers "wrote <n>"), "spam" (rows until killed,
// "wrote <n>" after each commit), "count", "exit" (closes the database and exits 0).
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../client";

async function main() {
  const handle = await openDatabase({ dataDir: process.argv[2]!, purpose: "app" });
  await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS held_rows (n serial PRIMARY KEY, at timestamptz DEFAULT now())`);
  const count = async () => (await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM held_rows`))[0]!.n;
  const write = async () => {
    await handle.db.execute(sql`INSERT INTO held_rows DEFAULT VALUES`);
    console.log(`wrote ${await count()}`);
  };
  console.log("ready");
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === "write") await write();
    else if (line === "spam") for (;;) await write();
    else if (line === "count") console.log(`count ${await count()}`);
    else if (line === "exit") {
      await handle.close();
      process.exit(0);
    }
  }
}
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
