// npm run restore -- FILE
//
// Brings a backup made by `npm run backup` into an empty database: DATABASE_URL (a new, empty
// database), or the embedded folder $DATA_DIR/pglite, which must not hold a database yet (and is
// refused while an app holds it). Then start the app as usual. See db/backup.ts.
import fs from "node:fs";
import { restoreBackup } from "../db/backup";
import { openDatabase } from "../db/client";
import { env } from "../lib/env";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) {
    console.error("Usage: npm run restore -- FILE   (into DATABASE_URL, or the empty folder $DATA_DIR/pglite)");
    return 2;
  }
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const e = env();
  const handle = await openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: e.pgliteDir, purpose: "restore" });
  try {
    const header = await restoreBackup(handle, fs.createReadStream(file));
    const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
    console.log(`Restored ${file} (made ${header.createdAt}): ${Object.keys(header.tables).length} tables, ${rows} rows, into ${e.DATABASE_URL ? "DATABASE_URL" : e.pgliteDir}`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
