// Runs once when the server starts: open the database, migrate, seed, and say how to sign in.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { announceStartup } = await import("./db/startup");
  await announceStartup();
}
