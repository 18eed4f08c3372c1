import { headers } from "next/headers";
import type { Logger } from "pino";
import { getCurrentUser } from "../auth/current-user";
import { logger } from "../log";

/**
 * The logger for this request: its id (set by proxy.ts, echoed as the response's
 * `x-request-id`) and the signed-in user's id where there is one.
 */
export async function requestLogger(bindings: Record<string, unknown> = {}): Promise<Logger> {
  let requestId: string | null = null;
  let userId: string | null = null;
  try {
    requestId = (await headers()).get("x-request-id");
    userId = (await getCurrentUser())?.id ?? null;
  } catch {
    // outside a request (scripts, tests): no request id
  }
  return logger.child({ requestId, userId, ...bindings });
}
