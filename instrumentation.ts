// Runs once when the server starts: open the database, migrate, seed, create the first admin
// when asked to, and say how to sign in. A configuration error (a missing AUTH_SECRET, an
// unreachable database) stops the server with the reason, instead of serving errors later.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOrExit } = await import("./db/startup");
  await startOrExit();
}
