// npm run backup [-- --out FILE]   (FILE "-" for standard output)
//
// A consistent logical backup of the app's database (db/backup.ts) while the app runs:
// DATABASE_URL is read directly; an embedded folder held by the running app is read by the app
// itself, asked over its control socket (db/control-socket.ts); a folder nobody holds is opened
// here. The attachment store is not in it: copy it after the backup (README, docs/production.md).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { writeBackup } from "../db/backup";
import { openDatabase } from "../db/client";
import { requestBackup } from "../db/control-socket";
import { FolderInUseError } from "../db/folder-lock";
import { env } from "../lib/env";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string", short: "o" } }, strict: true });
  const out = values.out ?? `avtalsregistret-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
  const e = env();
  const target = () => (out === "-" ? process.stdout : fs.createWriteStream(out, { flags: "wx" }));
  if (e.DATABASE_URL) {
    const handle = await openDatabase({ url: e.DATABASE_URL });
    try {
      report(await writeBackup(handle.db, target()), out);
    } finally {
      await handle.close();
    }
    return 0;
  }
  if (!fs.existsSync(e.pgliteDir)) throw new Error(`No embedded database at ${e.pgliteDir} (set DATA_DIR or DATABASE_URL).`);
  let handle;
  try {
    handle = await openDatabase({ dataDir: e.pgliteDir, purpose: "backup" });
  } catch (error) {
    if (!(error instanceof FolderInUseError) || error.holder.purpose !== "app") throw error;
    const bytes = await requestBackup(e.pgliteDir);
    await new Promise<void>((resolve, reject) => target().end(bytes, (err?: Error | null) => (err ? reject(err) : resolve())));
    if (out !== "-") console.error(`Backup of ${e.pgliteDir} made by the running app (pid ${error.holder.pid}): ${out} (${bytes.length} bytes)`);
    return 0;
  }
  try {
    report(await writeBackup(handle.db, target()), out);
  } finally {
    await handle.close();
  }
  return 0;
}

function report(header: { tables: Record<string, number> }, out: string) {
  if (out === "-") return;
  const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
  console.error(`Backup written: ${out} (${Object.keys(header.tables).length} tables, ${rows} rows)`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
