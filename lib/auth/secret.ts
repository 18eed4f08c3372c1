import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

/**
 * AUTH_SECRET signs the session cookies. With a server database it must be given; in the
 * embedded demo mode one is generated once and kept in the data folder, so that restarts
 * keep people signed in.
 */
export function resolveAuthSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  // `next build` imports the auth module without serving anything: no secret is needed then.
  if (process.env.NEXT_PHASE === "phase-production-build") return "build-time-placeholder-never-used-to-sign";
  if (e.DATABASE_URL && e.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set. Set it to a random string of at least 32 characters (e.g. `openssl rand -base64 32`) before starting against DATABASE_URL.",
    );
  }
  const file = path.resolve(e.DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
