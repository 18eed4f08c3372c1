import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/app-db";
import type { Db } from "@/db/client";
import { requestLogger } from "../server/request-log";
import type { ActionContext } from "./context";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { requirePermission } from "./guard";
import type { Action, Resource } from "./permissions";

export interface GuardOptions<I> {
  /**
   * For actions whose answer depends on the record (an official's own organisation, a
   * proposal's author): loads what `can()` needs from the input. Read it from the database,
   * never from the client's word.
   */
  resource?: (input: I, db: Db) => Promise<Resource | undefined>;
}

/**
 * Declares a server action's permission on the action itself: the session is read and
 * `can(user, action, resource)` asked before the body runs, and the body gets the context.
 *
 *     export const createUserAction = guardedAction("user.manage", (ctx, input: unknown) => createUser({ ctx, input }));
 *
 * A refusal (here or from the lib function's own check) renders the 403 page (`forbidden()`,
 * status 403); a request without a valid session is sent to the sign-in page. Next checks the
 * Origin of every server action request against the host (CSRF).
 */
export function guardedAction<I, R>(action: Action, body: (ctx: ActionContext, input: I) => Promise<R>, options: GuardOptions<I> = {}) {
  return async (input: I): Promise<R> => {
    const started = Date.now();
    const log = await requestLogger({ action });
    try {
      const resource = options.resource ? await options.resource(input, await getDb()) : undefined;
      const ctx = await requirePermission(action, resource);
      const result = await body(ctx, input);
      log.info({ ms: Date.now() - started }, "server action");
      return result;
    } catch (error) {
      if (error instanceof ForbiddenError) {
        log.warn({ refused: error.action }, "server action refused");
        forbidden();
      }
      if (error instanceof UnauthenticatedError) redirect("/login");
      if (!isNavigation(error)) log.error({ err: error, ms: Date.now() - started }, "server action failed");
      throw error;
    }
  };
}

/** redirect(), notFound() and forbidden() travel as errors with a digest: not failures. */
function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
