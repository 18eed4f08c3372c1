import type { Logger } from "pino";
import { logger } from "../log";

/**
 * The logger for this request: its id (set by proxy.ts, echoed as the response's
 * `x-request-id`) and the signed-in user's id where there is one. Next's request scope and
 * the session are imported lazily, so that modules using this stay importable outside Next.
 */
export async function requestLogger(bindings: Record<string, unknown> = {}): Promise<Logger> {
  let requestId: string | null = null;
  let userId: string | null = null;
  try {
    const [{ headers }, { getCurrentUser }] = await Promise.all([import("next/headers"), import("../auth/current-user")]);
    requestId = (await headers()).get("x-request-id");
    userId = (await getCurrentUser())?.id ?? null;
  } catch {
    // outside a request (scripts, tests): no request id
  }
  return logger.child({ requestId, userId, ...bindings });
}
