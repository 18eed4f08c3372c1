// Migrates and seeds a database without starting the app: DATABASE_URL, or the embedded
// PGlite folder. A folder held by a running app is refused (db/folder-lock.ts): the app
// migrates at start.
import { appDatabase, lastSeedReport } from "../db/app-db";
import { FolderInUseError } from "../db/folder-lock";

async function main() {
  const handle = await appDatabase("db:migrate");
  console.log(JSON.stringify(lastSeedReport()?.inserted));
  await handle.close();
}
main().catch((error) => {
  console.error(error instanceof FolderInUseError ? `db:migrate refused: ${error.message}` : error);
  process.exit(1);
});
