import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { requestLogger } from "../server/request-log";
import { containsNul } from "../server/request-guard";
import { isSameOriginRequest } from "./origin";

/** The JSON bodies of refusals, the same for every route handler. */
export function forbiddenResponse(message = "You do not have permission to do this."): NextResponse {
  return NextResponse.json({ error: "forbidden", message }, { status: 403 });
}
export function unauthenticatedResponse(message = "Sign in first."): NextResponse {
  return NextResponse.json({ error: "unauthenticated", message }, { status: 401 });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: refuses cross-site mutations (CSRF) before the body runs, and maps
 * UnauthenticatedError to 401 JSON, ForbiddenError to 403 JSON and a ZodError to 400 JSON
 * with the field errors, so that a refusal is never a crash or a leak. The handler itself
 * gets its context with requirePermission() or requireUser() from lib/auth/guard.ts.
 */
export function routeHandler<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    if (!isSameOriginRequest(request.method, request.url, request.headers)) {
      return forbiddenResponse("Cross-site request refused.");
    }
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return unauthenticatedResponse();
      if (error instanceof ForbiddenError) return forbiddenResponse(`You do not have permission to do this (${error.action}).`);
      if (error instanceof ZodError) {
        return NextResponse.json(
          { error: "invalid", message: "The request is not valid.", fieldErrors: error.flatten().fieldErrors },
          { status: 400 },
        );
      }
      (await requestLogger()).error({ err: error, method: request.method, path: new URL(request.url).pathname }, "route handler failed");
      throw error;
    }
  };
}

/** Reads a JSON body, or throws a 400-mapped error for a body that is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ZodError([{ code: "custom", path: [], message: "Body must be JSON", input: undefined }]);
  }
  if (containsNul(body)) throw new ZodError([{ code: "custom", path: [], message: "No field may hold a NUL character", input: undefined }]);
  return body;
}
