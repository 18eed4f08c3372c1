import type { Db } from "@/db/client";

/**
 * What the verbs a stranger may call (set a password through a link, ask for a reset, confirm
 * an address) receive instead of a signed-in ActionContext: the link is their permission.
 */
export interface PublicContext {
  db: Db;
  ip?: string | null;
  /** The clock; injectable so that tests can step past an expiry. */
  now?: Date;
}
