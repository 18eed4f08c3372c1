// Migrates and seeds a database without starting the app: DATABASE_URL, or the embedded
// PGlite folder when the app is not running (a PGlite folder is open in one process at a time).
import { appDatabase, lastSeedReport } from "../db/app-db";

async function main() {
  const handle = await appDatabase();
  console.log(JSON.stringify(lastSeedReport()?.inserted));
  await handle.close();
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
